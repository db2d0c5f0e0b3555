package eu.danubia.rdi.internal;

import java.util.List;
import java.util.UUID;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.matching.MatchReason;

/**
 * The consortium builder's view of an idea: each role filled or missing, the countries covered
 * against the programme's minimum, and proposals of organisations for every missing role.
 *
 * @param minCountries the fewest countries the call's programme asks for (3 for Horizon Europe collaborative actions)
 * @param countriesMissing how many more countries are needed (0 when enough)
 * @param note e.g. "needs 2 more countries" or "enough countries"
 */
public record Consortium(UUID ideaId, String callCode, String programme, List<Slot> roles, List<String> countries,
        int minCountries, int countriesMissing, String note, boolean complete) {

    public Consortium {
        roles = List.copyOf(roles);
        countries = List.copyOf(countries);
    }

    /** A role: who fills it, or the organisations proposed for it. */
    public record Slot(UUID id, RoleKind role, String label, String country, boolean filled, Idea.Party filledBy,
            List<Proposal> proposals) {

        public Slot {
            proposals = List.copyOf(proposals);
        }
    }

    /**
     * An organisation proposed for a missing role.
     *
     * @param source {@code matching} when ranked by the matching engine, {@code lexical} otherwise
     */
    public record Proposal(Idea.Party organisation, OrganisationType type, SizeClass sizeClass, double score,
            String source, List<MatchReason> reasons) {

        public Proposal {
            reasons = List.copyOf(reasons);
        }
    }
}
