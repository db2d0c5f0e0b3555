package eu.danubia.rdi.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/** SQL of {@code rdi_ideas} and {@code rdi_idea_roles}. Reads that list apply {@link Access#readableIdeasSql}. */
final class IdeaRepository {

    private static final String COLUMNS = "i.id, i.association_id, i.organisation_id, i.country, i.title, i.summary, "
            + "i.call_code, i.status, i.visibility, i.owner_user_id, i.owner_email, i.created_at, i.updated_at, "
            + "i.published_at";
    private static final String ROLE_COLUMNS = "r.id, r.idea_id, r.position, r.role, r.country, r.filled_by, r.filled_country";
    static final int IN_CHUNK = 500;

    /** Filters of the idea list; null fields do not filter. */
    record Filter(IdeaStatus status, List<String> words, String country, RoleKind role, boolean mine) {
    }

    void insert(Connection c, StoredIdea i) throws SQLException {
        Jdbc.update(c, "INSERT INTO rdi_ideas (id, association_id, organisation_id, country, title, summary, call_code, "
                + "status, visibility, owner_user_id, owner_email, created_at, updated_at, published_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", i.id(), i.associationId(), i.organisationId(),
                i.country(), i.title(), i.summary(), i.callCode(), i.status(), i.visibility(), i.ownerUserId(),
                i.ownerEmail(), i.createdAt(), i.updatedAt(), i.publishedAt());
    }

    Optional<StoredIdea> find(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM rdi_ideas i WHERE i.id = ?", IdeaRepository::row, id);
    }

    boolean updateContent(Connection c, UUID id, String title, String summary, String callCode,
            IdeaVisibility visibility, String country, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE rdi_ideas SET title = ?, summary = ?, call_code = ?, visibility = ?, country = ?, "
                + "updated_at = ? WHERE id = ? AND status <> 'CLOSED'", title, summary, callCode, visibility, country, now,
                id) == 1;
    }

    boolean move(Connection c, UUID id, IdeaStatus from, IdeaStatus to, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE rdi_ideas SET status = ?, updated_at = ?, "
                + "published_at = CASE WHEN ? THEN ? ELSE published_at END WHERE id = ? AND status = ?", to, now,
                to == IdeaStatus.OPEN, now, id, from) == 1;
    }

    boolean touch(Connection c, UUID id, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE rdi_ideas SET updated_at = ? WHERE id = ?", now, id) == 1;
    }

    Page<StoredIdea> list(Connection c, Caller caller, Filter f, PageRequest page) throws SQLException {
        Where w = where(caller, f);
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM rdi_ideas i" + w.sql(), w.params());
        List<StoredIdea> items = Jdbc.query(c, "SELECT " + COLUMNS + " FROM rdi_ideas i" + w.sql()
                + " ORDER BY i.updated_at DESC, i.id LIMIT ? OFFSET ?", IdeaRepository::row,
                w.params(page.size(), page.offset()));
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Where where(Caller caller, Filter f) {
        Where w = new Where();
        if (f.mine()) {
            w.and(TenantScope.side(caller, "i.organisation_id", "i.association_id"));
        } else {
            w.and(Access.readableIdeasSql(caller));
        }
        w.andIf(f.status() != null, "i.status = ?", f.status());
        for (String word : f.words()) {
            String like = Jdbc.likeContains(word);
            w.and("LOWER(i.title) LIKE ? ESCAPE '\\' OR LOWER(i.summary) LIKE ? ESCAPE '\\' "
                    + "OR LOWER(i.call_code) LIKE ? ESCAPE '\\'", like, like, like);
        }
        // an unfilled role of that kind, for organisations of that country (or of any)
        if (f.role() != null || f.country() != null) {
            Where r = new Where().and("r.idea_id = i.id").and("r.filled_by IS NULL");
            r.andIf(f.role() != null, "r.role = ?", f.role());
            r.andIf(f.country() != null, "r.country IS NULL OR r.country = ?", f.country());
            w.and("EXISTS (SELECT 1 FROM rdi_idea_roles r" + r.sql() + ")", r.params());
        }
        return w;
    }

    /** Open, public ideas after {@code after} in id order: what the matching engine indexes. */
    List<StoredIdea> openPublicAfter(Connection c, UUID after, int limit) throws SQLException {
        Where w = new Where().and("i.status = 'OPEN' AND i.visibility = 'PUBLIC'").andIf(after != null, "i.id > ?", after);
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM rdi_ideas i" + w.sql() + " ORDER BY i.id LIMIT ?",
                IdeaRepository::row, w.params(limit));
    }

    /** The ideas of an organisation with that title (the demo loader's idempotence). */
    boolean existsWithTitle(Connection c, UUID organisation, String title) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM rdi_ideas WHERE organisation_id = ? AND title = ?", organisation,
                title) > 0;
    }

    // ---- roles ------------------------------------------------------------------------------

    void insertRole(Connection c, StoredRole r) throws SQLException {
        Jdbc.update(c, "INSERT INTO rdi_idea_roles (id, idea_id, position, role, country, filled_by, filled_country) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", r.id(), r.ideaId(), r.position(), r.role(), r.country(), r.filledBy(),
                r.filledCountry());
    }

    void updateRole(Connection c, UUID id, int position, RoleKind role, String country) throws SQLException {
        Jdbc.update(c, "UPDATE rdi_idea_roles SET position = ?, role = ?, country = ? WHERE id = ?", position, role,
                country, id);
    }

    void deleteRole(Connection c, UUID id) throws SQLException {
        Jdbc.update(c, "DELETE FROM rdi_idea_roles WHERE id = ?", id);
    }

    /** Fills an unfilled role; false when somebody fills it already. */
    boolean fill(Connection c, UUID roleId, UUID organisation, String country) throws SQLException {
        return Jdbc.update(c, "UPDATE rdi_idea_roles SET filled_by = ?, filled_country = ? WHERE id = ? "
                + "AND filled_by IS NULL", organisation, country, roleId) == 1;
    }

    List<StoredRole> roles(Connection c, UUID ideaId) throws SQLException {
        return Jdbc.query(c, "SELECT " + ROLE_COLUMNS + " FROM rdi_idea_roles r WHERE r.idea_id = ? ORDER BY r.position",
                IdeaRepository::roleRow, ideaId);
    }

    Map<UUID, List<StoredRole>> roles(Connection c, List<UUID> ideaIds) throws SQLException {
        Map<UUID, List<StoredRole>> out = new LinkedHashMap<>();
        ideaIds.forEach(id -> out.put(id, new ArrayList<>()));
        for (int from = 0; from < ideaIds.size(); from += IN_CHUNK) {
            List<UUID> chunk = ideaIds.subList(from, Math.min(ideaIds.size(), from + IN_CHUNK));
            for (StoredRole r : Jdbc.query(c, "SELECT " + ROLE_COLUMNS + " FROM rdi_idea_roles r WHERE r.idea_id IN ("
                    + placeholders(chunk.size()) + ") ORDER BY r.idea_id, r.position", IdeaRepository::roleRow,
                    chunk.toArray())) {
                out.get(r.ideaId()).add(r);
            }
        }
        return out;
    }

    Optional<StoredRole> role(Connection c, UUID roleId) throws SQLException {
        return Jdbc.one(c, "SELECT " + ROLE_COLUMNS + " FROM rdi_idea_roles r WHERE r.id = ?", IdeaRepository::roleRow,
                roleId);
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static StoredIdea row(ResultSet rs) throws SQLException {
        return new StoredIdea(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "association_id"), Jdbc.uuid(rs, "organisation_id"),
                rs.getString("country"), rs.getString("title"), rs.getString("summary"), rs.getString("call_code"),
                Jdbc.enumValue(rs, "status", IdeaStatus.class), Jdbc.enumValue(rs, "visibility", IdeaVisibility.class),
                Jdbc.uuid(rs, "owner_user_id"), rs.getString("owner_email"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "published_at"));
    }

    private static StoredRole roleRow(ResultSet rs) throws SQLException {
        return new StoredRole(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "idea_id"), rs.getInt("position"),
                Jdbc.enumValue(rs, "role", RoleKind.class), rs.getString("country"), Jdbc.uuid(rs, "filled_by"),
                rs.getString("filled_country"));
    }
}
