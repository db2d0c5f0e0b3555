package eu.danubia.rdi.internal;

import java.util.Set;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;

/**
 * The roles a project idea needs. Each says which organisations of the directory fit it, which is
 * what the consortium builder proposes; applying is not limited by it (an association knows its
 * members better than their type field does).
 */
public enum RoleKind {
    COORDINATOR("Coordinator", Set.of(OrganisationType.RESEARCH, OrganisationType.BUSINESS, OrganisationType.PUBLIC_BODY,
            OrganisationType.CLUSTER_ORGANISATION), false),
    RESEARCH_PARTNER("Research partner", Set.of(OrganisationType.RESEARCH), false),
    /** A business of an SME size class (micro, small or medium; EU Recommendation 2003/361/EC). */
    SME("SME", Set.of(OrganisationType.BUSINESS), true),
    END_USER("End user", Set.of(OrganisationType.BUSINESS, OrganisationType.PUBLIC_BODY, OrganisationType.CIVIL_SOCIETY),
            false),
    PILOT_SITE("Pilot site", Set.of(OrganisationType.BUSINESS, OrganisationType.PUBLIC_BODY), false);

    private final String label;
    private final Set<OrganisationType> types;
    private final boolean smeOnly;

    RoleKind(String label, Set<OrganisationType> types, boolean smeOnly) {
        this.label = label;
        this.types = types;
        this.smeOnly = smeOnly;
    }

    public String label() {
        return label;
    }

    Set<OrganisationType> types() {
        return types;
    }

    /** Whether the organisation's type (and, for SME, its size class) fits the role. */
    boolean fits(Organisation o) {
        if (o.type() == null || !types.contains(o.type())) {
            return false;
        }
        return !smeOnly || o.sizeClass() == SizeClass.MICRO || o.sizeClass() == SizeClass.SMALL
                || o.sizeClass() == SizeClass.MEDIUM;
    }

    /** Why an organisation fits, for the proposal's reasons. */
    String fitDetail(Organisation o) {
        return smeOnly ? o.type() + " of size " + o.sizeClass() + " fits " + name() : o.type() + " fits " + name();
    }
}
