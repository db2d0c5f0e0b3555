package eu.danubia.b2b.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DanubIA B2B cooperation", description = "Validity, expiry warnings and import limits of B2B profiles")
public @interface B2bConfig {

    String PID = "eu.danubia.b2b";

    @AttributeDefinition(description = "Days before a published profile expires when its owner is warned, once (1-90)")
    int expiryWarningDays() default 14;

    @AttributeDefinition(description = "Months a profile stays valid when no expiry date is given, and what a renewal adds (1-24)")
    int defaultValidityMonths() default 12;

    @AttributeDefinition(description = "Most rows one import may hold (1-100000); a larger file is refused as a whole")
    int maxImportRows() default 10000;
}
