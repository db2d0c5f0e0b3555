package eu.danubia.rdi.internal;

import java.util.UUID;

/** A row of {@code rdi_idea_roles}: a role an idea needs, the country wanted (null: any), who fills it. */
record StoredRole(UUID id, UUID ideaId, int position, RoleKind role, String country, UUID filledBy,
        String filledCountry) {

    boolean filled() {
        return filledBy != null;
    }
}
