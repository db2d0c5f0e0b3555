package eu.danubia.api.cooperation;

import java.time.Instant;
import java.util.UUID;

/**
 * One act of cooperation between two organisations recorded by a mode: an expression of interest
 * sent, or an agreement concluded. Used for collaboration indicators; carries no content.
 *
 * @param mode the mode's id, e.g. {@code b2b}
 * @param id the mode's own id of the interest or agreement
 * @param from the organisation that took the initiative (sent the interest)
 * @param to the other organisation (the profile's owner)
 */
public record Cooperation(String mode, Kind kind, UUID id, UUID from, UUID to, Instant at) {

    public enum Kind {
        INTEREST, AGREEMENT
    }
}
