package eu.danubia.b2b.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/** SQL of the agreements; each belongs to one accepted interest and so to its two sides. */
final class AgreementRepository {

    private static final String SELECT = "SELECT a.id, a.interest_id, i.profile_id, p.title, a.type, a.description, "
            + "a.signed_on, a.created_at FROM b2b_agreements a JOIN b2b_interests i ON i.id = a.interest_id "
            + "JOIN b2b_profiles p ON p.id = i.profile_id";

    void insert(Connection c, UUID id, UUID interestId, AgreementType type, String description, java.time.LocalDate signedOn,
            UUID createdBy, java.time.Instant createdAt) throws SQLException {
        Jdbc.update(c, "INSERT INTO b2b_agreements (id, interest_id, type, description, signed_on, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, interestId, type, description, signedOn, createdBy, createdAt);
    }

    Optional<Agreement> find(Connection c, Caller caller, UUID id) throws SQLException {
        Where w = new Where().and("a.id = ?", id).and(eitherSide(caller));
        return Jdbc.one(c, SELECT + w.sql(), AgreementRepository::row, w.params());
    }

    /** The agreements of interests in which the caller's side is owner or sender, newest first. */
    List<Agreement> list(Connection c, Caller caller) throws SQLException {
        Where w = eitherSide(caller);
        return Jdbc.query(c, SELECT + w.sql() + " ORDER BY a.signed_on DESC, a.created_at DESC, a.id",
                AgreementRepository::row, w.params());
    }

    private static Where eitherSide(Caller caller) {
        Where owner = TenantScope.side(caller, "p.organisation_id", "p.association_id");
        Where sender = TenantScope.side(caller, "i.sender_organisation_id", "i.sender_association_id");
        if (caller.isPlatformAdmin()) {
            return new Where();
        }
        // both halves hold the same kind and number of parameters, in this order
        String ownerSql = owner.sql().substring(" WHERE ".length());
        String senderSql = sender.sql().substring(" WHERE ".length());
        Object[] params = new Object[owner.params().length + sender.params().length];
        System.arraycopy(owner.params(), 0, params, 0, owner.params().length);
        System.arraycopy(sender.params(), 0, params, owner.params().length, sender.params().length);
        return new Where().and(ownerSql + " OR " + senderSql, params);
    }

    private static Agreement row(ResultSet rs) throws SQLException {
        return new Agreement(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "interest_id"), Jdbc.uuid(rs, "profile_id"),
                rs.getString("title"), Jdbc.enumValue(rs, "type", AgreementType.class), rs.getString("description"),
                Jdbc.date(rs, "signed_on"), Jdbc.instant(rs, "created_at"));
    }
}
