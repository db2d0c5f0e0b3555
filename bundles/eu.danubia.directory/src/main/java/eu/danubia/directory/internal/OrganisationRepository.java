package eu.danubia.directory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.NationalId;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/** SQL of the organisations and their NACE codes and national ids. Reads are always tenant-scoped. */
final class OrganisationRepository {

    private static final String COLUMNS = "o.id, o.association_id, o.name, o.type, o.country, o.nuts_code, o.city, "
            + "o.size_class, o.website, o.description, o.visibility, o.created_at, o.updated_at";

    /** The organisation when the caller may read it. */
    Optional<Organisation> find(Connection c, Caller caller, UUID id) throws SQLException {
        Where w = new Where().and("o.id = ?", id).and(TenantScope.readable(caller, "o.association_id", "o.visibility"));
        List<Organisation> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM organisations o" + w.sql(),
                OrganisationRepository::row, w.params());
        return withChildren(c, rows).stream().findFirst();
    }

    Page<Organisation> list(Connection c, Caller caller, OrganisationFilter f, PageRequest page) throws SQLException {
        Where w = new Where().and(TenantScope.readable(caller, "o.association_id", "o.visibility"));
        if (f.text() != null) {
            String like = Jdbc.likeContains(f.text());
            w.and("lower(o.name) LIKE ? ESCAPE '\\' OR lower(o.city) LIKE ? ESCAPE '\\' OR lower(o.description) LIKE ? ESCAPE '\\'",
                    like, like, like);
        }
        w.andIf(f.country() != null, "o.country = ?", f.country())
                .andIf(f.type() != null, "o.type = ?", f.type())
                .andIf(f.nuts() != null, "o.nuts_code LIKE ? ESCAPE '\\'", f.nuts() == null ? null : Sql.likePrefix(f.nuts()))
                .andIf(f.associationId() != null, "o.association_id = ?", f.associationId());
        if (f.nace() != null) {
            w.and("EXISTS (SELECT 1 FROM organisation_nace n WHERE n.organisation_id = o.id AND n.code LIKE ? ESCAPE '\\')",
                    Sql.likePrefix(f.nace()));
        }
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM organisations o" + w.sql(), w.params());
        List<Organisation> rows = total == 0 ? List.of()
                : Jdbc.query(c, "SELECT " + COLUMNS + " FROM organisations o" + w.sql()
                        + " ORDER BY lower(o.name), o.id LIMIT ? OFFSET ?",
                        OrganisationRepository::row, w.params(page.size(), page.offset()));
        return new Page<>(withChildren(c, rows), page.page(), page.size(), total);
    }

    /** True when some other organisation than {@code except} holds the id. */
    boolean nationalIdTaken(Connection c, NationalId id, UUID except) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM organisation_ids WHERE scheme = ? AND \"value\" = ? AND organisation_id <> ?",
                id.scheme(), id.value(), except) > 0;
    }

    void insert(Connection c, Organisation o) throws SQLException {
        Jdbc.update(c, "INSERT INTO organisations (id, association_id, name, type, country, nuts_code, city, size_class, "
                + "website, description, visibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                o.id(), o.associationId(), o.name(), o.type(), o.country(), o.nutsCode(), o.city(), o.sizeClass(),
                o.website(), o.description(), o.visibility(), o.createdAt(), o.updatedAt());
        insertChildren(c, o);
    }

    void update(Connection c, Organisation o) throws SQLException {
        Jdbc.update(c, "UPDATE organisations SET association_id = ?, name = ?, type = ?, country = ?, nuts_code = ?, city = ?, "
                + "size_class = ?, website = ?, description = ?, visibility = ?, updated_at = ? WHERE id = ?",
                o.associationId(), o.name(), o.type(), o.country(), o.nutsCode(), o.city(), o.sizeClass(),
                o.website(), o.description(), o.visibility(), o.updatedAt(), o.id());
        Jdbc.update(c, "DELETE FROM organisation_nace WHERE organisation_id = ?", o.id());
        Jdbc.update(c, "DELETE FROM organisation_ids WHERE organisation_id = ?", o.id());
        insertChildren(c, o);
    }

    private static void insertChildren(Connection c, Organisation o) throws SQLException {
        int position = 0;
        for (String code : o.naceCodes()) {
            Jdbc.update(c, "INSERT INTO organisation_nace (organisation_id, code, position) VALUES (?, ?, ?)",
                    o.id(), code, position++);
        }
        for (NationalId id : o.nationalIds()) {
            Jdbc.update(c, "INSERT INTO organisation_ids (organisation_id, scheme, \"value\") VALUES (?, ?, ?)",
                    o.id(), id.scheme(), id.value());
        }
    }

    /** Adds NACE codes and national ids to the rows: one query per child table, whatever the number of rows. */
    private static List<Organisation> withChildren(Connection c, List<Organisation> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Object[] ids = rows.stream().map(Organisation::id).toArray();
        String in = Sql.placeholders(ids.length);
        Map<UUID, List<String>> nace = new HashMap<>();
        Jdbc.query(c, "SELECT organisation_id, code FROM organisation_nace WHERE organisation_id IN (" + in
                + ") ORDER BY organisation_id, position", rs -> nace
                        .computeIfAbsent(Jdbc.uuid(rs, "organisation_id"), k -> new ArrayList<>()).add(rs.getString("code")),
                ids);
        Map<UUID, List<NationalId>> nationalIds = new HashMap<>();
        Jdbc.query(c, "SELECT organisation_id, scheme, \"value\" AS id_value FROM organisation_ids WHERE organisation_id IN ("
                + in + ") ORDER BY organisation_id, scheme, \"value\"", rs -> nationalIds
                        .computeIfAbsent(Jdbc.uuid(rs, "organisation_id"), k -> new ArrayList<>())
                        .add(new NationalId(rs.getString("scheme"), rs.getString("id_value"))),
                ids);
        List<Organisation> out = new ArrayList<>(rows.size());
        for (Organisation o : rows) {
            out.add(new Organisation(o.id(), o.associationId(), o.name(), o.type(), o.country(), o.nutsCode(), o.city(),
                    nace.get(o.id()), o.sizeClass(), nationalIds.get(o.id()), o.website(), o.description(),
                    o.visibility(), o.createdAt(), o.updatedAt()));
        }
        return out;
    }

    private static Organisation row(ResultSet rs) throws SQLException {
        return new Organisation(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "association_id"), rs.getString("name"),
                Jdbc.enumValue(rs, "type", OrganisationType.class), rs.getString("country"), rs.getString("nuts_code"),
                rs.getString("city"), List.of(), Jdbc.enumValue(rs, "size_class", SizeClass.class), List.of(),
                rs.getString("website"), rs.getString("description"), Jdbc.enumValue(rs, "visibility", Visibility.class),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
