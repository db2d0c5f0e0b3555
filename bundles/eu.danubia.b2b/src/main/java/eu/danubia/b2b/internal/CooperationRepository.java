package eu.danubia.b2b.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.store.Jdbc;

/**
 * SQL of the cooperation record for indicators: interests (from the sender to the profile's
 * owner) and agreements (between the same two organisations as their interest).
 */
final class CooperationRepository {

    /** Organisation ids per query; each is bound twice (sender and owner). */
    static final int IN_CHUNK = 500;

    private static final String INTERESTS = "SELECT i.id, i.sender_organisation_id, p.organisation_id, i.created_at "
            + "FROM b2b_interests i JOIN b2b_profiles p ON p.id = i.profile_id";
    private static final String AGREEMENTS = "SELECT a.id, i.sender_organisation_id, p.organisation_id, a.created_at "
            + "FROM b2b_agreements a JOIN b2b_interests i ON i.id = a.interest_id "
            + "JOIN b2b_profiles p ON p.id = i.profile_id";

    /** Every interest and agreement in which one of the organisations is either side, oldest first. */
    List<Cooperation> involving(Connection c, Collection<UUID> organisationIds) throws SQLException {
        List<UUID> ids = organisationIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        // an interest between two of the organisations is found in up to two chunks: keep it once
        Map<String, Cooperation> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String in = ProfileRepository.placeholders(chunk.size());
            String where = " WHERE i.sender_organisation_id IN (" + in + ") OR p.organisation_id IN (" + in + ")";
            Object[] params = new Object[chunk.size() * 2];
            for (int k = 0; k < chunk.size(); k++) {
                params[k] = chunk.get(k);
                params[chunk.size() + k] = chunk.get(k);
            }
            for (Cooperation x : Jdbc.query(c, INTERESTS + where, rs -> row(rs, Cooperation.Kind.INTEREST), params)) {
                out.putIfAbsent("I" + x.id(), x);
            }
            for (Cooperation x : Jdbc.query(c, AGREEMENTS + where, rs -> row(rs, Cooperation.Kind.AGREEMENT), params)) {
                out.putIfAbsent("A" + x.id(), x);
            }
        }
        List<Cooperation> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparing(Cooperation::at).thenComparing(Cooperation::kind)
                .thenComparing(Cooperation::id));
        return sorted;
    }

    private static Cooperation row(ResultSet rs, Cooperation.Kind kind) throws SQLException {
        return new Cooperation(B2bMode.ID, kind, Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "sender_organisation_id"),
                Jdbc.uuid(rs, "organisation_id"), Jdbc.instant(rs, "created_at"));
    }
}
