package eu.danubia.rdi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DanubIA RDI projects", description = "Call import limits and the consortium builder")
public @interface RdiConfig {

    String PID = "eu.danubia.rdi";

    @AttributeDefinition(description = "Most rows one call import may hold (1-100000); a larger file is refused as a whole")
    int maxImportRows() default 10000;

    @AttributeDefinition(description = "Organisations proposed per missing role in the consortium builder (1-20)")
    int proposalsPerRole() default 5;
}
