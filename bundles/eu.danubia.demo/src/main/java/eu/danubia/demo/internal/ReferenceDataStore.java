package eu.danubia.demo.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.danubia.demo.internal.ReferenceData.NaceCode;
import eu.danubia.demo.internal.ReferenceData.NutsRegion;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.RowMapper;

/**
 * Writes the reference data into the core tables {@code nuts_regions} and {@code nace_codes}.
 * One portable path for H2 and PostgreSQL: read what is there, insert what is missing, update what
 * differs. Rows that are no longer in the source stay, since other records may refer to them.
 */
public final class ReferenceDataStore {

    private final Database db;

    public ReferenceDataStore(Database db) {
        this.db = db;
    }

    /** What one upsert did. */
    public record Counts(int inserted, int updated, int unchanged) {
        public int total() {
            return inserted + updated + unchanged;
        }

        @Override
        public String toString() {
            return total() + " rows (" + inserted + " inserted, " + updated + " updated, " + unchanged + " unchanged)";
        }
    }

    public Counts upsertNuts(List<NutsRegion> regions) {
        return upsert(regions, NutsRegion::code,
                "SELECT code, level, country, name FROM nuts_regions",
                rs -> new NutsRegion(rs.getString("code"), rs.getInt("level"), rs.getString("country").trim(),
                        rs.getString("name")),
                "INSERT INTO nuts_regions (code, level, country, name) VALUES (?, ?, ?, ?)",
                r -> new Object[] {r.code(), r.level(), r.country(), r.name()},
                "UPDATE nuts_regions SET level = ?, country = ?, name = ? WHERE code = ?",
                r -> new Object[] {r.level(), r.country(), r.name(), r.code()});
    }

    public Counts upsertNace(List<NaceCode> codes) {
        return upsert(codes, NaceCode::code,
                "SELECT code, label_en, label_sk FROM nace_codes",
                rs -> new NaceCode(rs.getString("code"), rs.getString("label_en"), rs.getString("label_sk")),
                "INSERT INTO nace_codes (code, label_en, label_sk) VALUES (?, ?, ?)",
                c -> new Object[] {c.code(), c.labelEn(), c.labelSk()},
                "UPDATE nace_codes SET label_en = ?, label_sk = ? WHERE code = ?",
                c -> new Object[] {c.labelEn(), c.labelSk(), c.code()});
    }

    private <T> Counts upsert(List<T> rows, Function<T, String> key, String select, RowMapper<T> mapper,
            String insert, Function<T, Object[]> insertParams, String update, Function<T, Object[]> updateParams) {
        return db.transaction(c -> {
            Map<String, T> existing = Jdbc.query(c, select, mapper).stream()
                    .collect(Collectors.toMap(key, Function.identity()));
            List<T> missing = rows.stream().filter(r -> !existing.containsKey(key.apply(r))).toList();
            List<T> changed = rows.stream()
                    .filter(r -> existing.containsKey(key.apply(r)) && !existing.get(key.apply(r)).equals(r))
                    .toList();
            batch(c, insert, missing, insertParams);
            batch(c, update, changed, updateParams);
            return new Counts(missing.size(), changed.size(), rows.size() - missing.size() - changed.size());
        });
    }

    private static <T> void batch(Connection c, String sql, List<T> rows, Function<T, Object[]> params)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                Jdbc.bind(ps, params.apply(row));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
