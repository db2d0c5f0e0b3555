package eu.danubia.b2b.internal;

import java.util.List;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;

/** The partner a profile looks for: kinds of organisation, the role it would play, and its size. */
public record PartnerSought(List<OrganisationType> types, String role, List<SizeClass> sizes) {

    public PartnerSought {
        types = types == null ? List.of() : List.copyOf(types);
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
    }
}
