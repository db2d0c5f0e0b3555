package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/**
 * Every SQL statement on the indicator tables: the engine's writes (facts and rollup deltas in
 * the caller's transaction) and the dashboards' reads. The dashboard reads touch only the rollup
 * (a few thousand rows per year) or one organisation's / one cell's facts by index, never the
 * whole facts table; a benchmark can call them with any {@link Database}.
 */
public final class IndicatorRepository {

    /** Division of the rollup rows that hold a region's total over all divisions. */
    public static final String ALL = "*";
    /** Most values in one IN list. */
    public static final int IN_MAX = 500;
    /** Versions for which {@code indicator_rollup_changes} keeps the changed cells; a reader further behind reloads the year. */
    public static final long CHANGES_KEPT = 200;

    private static final String FACT_COLUMNS = "country, national_id, fiscal_year, region, division, organisation_id, source,"
            + " turnover_eur, employees, profit_eur, exports_eur";
    private static final String ROLLUP_COLUMNS = "region, division, fiscal_year, companies, employees, employee_companies,"
            + " turnover_eur, turnover_companies, prod_turnover_eur, prod_employees";

    private final Database db;

    public IndicatorRepository(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** One rollup row: sums over the facts of one region, division (or {@link #ALL}) and year. */
    public record Rollup(String region, String division, int year, long companies, long employees, long employeeCompanies,
            BigDecimal turnoverEur, long turnoverCompanies, BigDecimal prodTurnoverEur, long prodEmployees) {

        static Rollup zero(String region, String division, int year) {
            return new Rollup(region, division, year, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);
        }

        /** One fact's contribution, with the sign of {@code sign} (+1 or -1). */
        static Rollup of(Fact f, String division, int sign) {
            boolean prod = f.turnoverEur() != null && f.employees() != null && f.employees() > 0;
            BigDecimal s = BigDecimal.valueOf(sign);
            return new Rollup(f.region(), division, f.year(), sign,
                    sign * (long) (f.employees() == null ? 0 : f.employees()), f.employees() == null ? 0 : sign,
                    f.turnoverEur() == null ? BigDecimal.ZERO : f.turnoverEur().multiply(s), f.turnoverEur() == null ? 0 : sign,
                    prod ? f.turnoverEur().multiply(s) : BigDecimal.ZERO, prod ? sign * (long) f.employees() : 0);
        }

        Rollup plus(Rollup o) {
            return new Rollup(region, division, year, companies + o.companies, employees + o.employees,
                    employeeCompanies + o.employeeCompanies, turnoverEur.add(o.turnoverEur),
                    turnoverCompanies + o.turnoverCompanies, prodTurnoverEur.add(o.prodTurnoverEur), prodEmployees + o.prodEmployees);
        }

        boolean isZero() {
            return companies == 0 && employees == 0 && employeeCompanies == 0 && turnoverEur.signum() == 0
                    && turnoverCompanies == 0 && prodTurnoverEur.signum() == 0 && prodEmployees == 0;
        }

        /** Turnover per employee over the facts that have both, or null. */
        public BigDecimal productivityEur() {
            return prodEmployees <= 0 ? null : prodTurnoverEur.divide(BigDecimal.valueOf(prodEmployees), eu.danubia.indicators.internal.calc.Calc.MC);
        }
    }

    // ---- the engine's writes ---------------------------------------------------------------

    /** The stored facts of these national ids (any country). */
    public List<Fact> facts(Connection c, Collection<String> nationalIds) throws SQLException {
        List<Fact> out = new ArrayList<>();
        for (List<String> chunk : chunks(nationalIds)) {
            out.addAll(Jdbc.query(c, "SELECT " + FACT_COLUMNS + " FROM indicator_facts WHERE national_id IN (" + marks(chunk.size()) + ")",
                    IndicatorRepository::fact, chunk.toArray()));
        }
        return out;
    }

    /**
     * Replaces the stored facts {@code before} with {@code after} (the same companies, recomputed)
     * and applies the difference to the rollup; returns how many fact rows changed. Run it in the
     * transaction that bumps the version.
     */
    public int replace(Connection c, Collection<Fact> before, Collection<Fact> after) throws SQLException {
        Map<Fact.Key, Fact> old = new HashMap<>();
        before.forEach(f -> old.put(f.key(), f));
        Map<Fact.Key, Fact> now = new LinkedHashMap<>();
        after.forEach(f -> now.put(f.key(), f));
        Map<List<Object>, Rollup> deltas = new LinkedHashMap<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Fact f : old.values()) {
            Fact n = now.get(f.key());
            if (n == null) {
                deletes.add(new Object[] {f.country(), f.nationalId(), f.year()});
            } else if (!n.sameAs(f)) {
                updates.add(new Object[] {n.region(), n.division(), n.organisationId(), n.source(), n.turnoverEur(), n.employees(),
                    n.profitEur(), n.exportsEur(), n.country(), n.nationalId(), n.year()});
            } else {
                continue;
            }
            add(deltas, f, -1);
            if (n != null) {
                add(deltas, n, +1);
            }
        }
        for (Fact n : now.values()) {
            if (!old.containsKey(n.key())) {
                inserts.add(new Object[] {n.country(), n.nationalId(), n.year(), n.region(), n.division(), n.organisationId(), n.source(),
                    n.turnoverEur(), n.employees(), n.profitEur(), n.exportsEur()});
                add(deltas, n, +1);
            }
        }
        // one JDBC batch per statement: a few round trips per batch of companies instead of one per row
        batch(c, "DELETE FROM indicator_facts WHERE country = ? AND national_id = ? AND fiscal_year = ?", deletes);
        batch(c, "UPDATE indicator_facts SET region = ?, division = ?, organisation_id = ?, source = ?, turnover_eur = ?,"
                + " employees = ?, profit_eur = ?, exports_eur = ? WHERE country = ? AND national_id = ? AND fiscal_year = ?", updates);
        batch(c, "INSERT INTO indicator_facts (" + FACT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        List<Rollup> nonZero = deltas.values().stream().filter(d -> !d.isZero()).toList();
        applyDeltas(c, nonZero);
        return deletes.size() + updates.size() + inserts.size();
    }

    private static void add(Map<List<Object>, Rollup> deltas, Fact f, int sign) {
        for (String division : List.of(f.division(), ALL)) {
            Rollup r = Rollup.of(f, division, sign);
            deltas.merge(List.of(f.region(), division, f.year()), r, Rollup::plus);
        }
    }

    /**
     * Applies rollup deltas in batches: UPDATE every cell, INSERT those that did not exist, DELETE
     * those whose last company left (as they would be absent from a GROUP BY); then notes the
     * cells in {@code indicator_rollup_changes} under the version this transaction's bump makes.
     */
    private static void applyDeltas(Connection c, List<Rollup> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        List<Object[]> updates = new ArrayList<>();
        for (Rollup d : deltas) {
            updates.add(new Object[] {d.companies(), d.employees(), d.employeeCompanies(), d.turnoverEur(), d.turnoverCompanies(),
                d.prodTurnoverEur(), d.prodEmployees(), d.region(), d.division(), d.year()});
        }
        int[] counts = batch(c, "UPDATE indicator_rollup SET companies = companies + ?, employees = employees + ?,"
                + " employee_companies = employee_companies + ?, turnover_eur = turnover_eur + ?,"
                + " turnover_companies = turnover_companies + ?, prod_turnover_eur = prod_turnover_eur + ?,"
                + " prod_employees = prod_employees + ? WHERE region = ? AND division = ? AND fiscal_year = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        for (int i = 0; i < deltas.size(); i++) {
            Rollup d = deltas.get(i);
            if (counts[i] == 0) {
                inserts.add(new Object[] {d.region(), d.division(), d.year(), d.companies(), d.employees(), d.employeeCompanies(),
                    d.turnoverEur(), d.turnoverCompanies(), d.prodTurnoverEur(), d.prodEmployees()});
            } else if (d.companies() < 0) {
                emptied.add(new Object[] {d.region(), d.division(), d.year()});
            }
        }
        batch(c, "INSERT INTO indicator_rollup (" + ROLLUP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        batch(c, "DELETE FROM indicator_rollup WHERE region = ? AND division = ? AND fiscal_year = ? AND companies = 0", emptied);
        // the version this transaction's bump will give: the row stays locked until the commit, so a
        // concurrent bump (a recorded cooperation) cannot take that number and hide these changes
        long next = Jdbc.count(c, "SELECT version FROM indicator_state WHERE id = 1 FOR UPDATE") + 1;
        List<Object[]> changes = new ArrayList<>();
        for (Rollup d : deltas) {
            changes.add(new Object[] {next, d.region(), d.division(), d.year()});
        }
        batch(c, "INSERT INTO indicator_rollup_changes (version, region, division, fiscal_year) VALUES (?, ?, ?, ?)", changes);
        Jdbc.update(c, "DELETE FROM indicator_rollup_changes WHERE version <= ?", next - CHANGES_KEPT);
    }

    /** Runs one statement as a JDBC batch over the parameter rows; returns the update counts. */
    private static int[] batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Jdbc.bind(ps, row);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int n : counts) {
                if (n == java.sql.Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver gives no update counts for batches: " + sql);
                }
            }
            return counts;
        }
    }

    /** Increases the version; call it in every transaction that changes an indicator input. */
    public long bump(Connection c) throws SQLException {
        Jdbc.update(c, "UPDATE indicator_state SET version = version + 1 WHERE id = 1");
        return Jdbc.count(c, "SELECT version FROM indicator_state WHERE id = 1");
    }

    public long version() {
        return db.read(c -> Jdbc.count(c, "SELECT version FROM indicator_state WHERE id = 1"));
    }

    public java.time.Instant watermark(Connection c) throws SQLException {
        List<java.util.Optional<java.time.Instant>> rows = Jdbc.query(c, "SELECT watermark FROM indicator_state WHERE id = 1",
                rs -> java.util.Optional.ofNullable(Jdbc.instant(rs, "watermark")));
        return rows.isEmpty() ? null : rows.get(0).orElse(null);
    }

    public void watermark(Connection c, java.time.Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE indicator_state SET watermark = ? WHERE id = 1", at);
    }

    // ---- dashboard reads ------------------------------------------------------------------

    /** Years that have facts, ascending (from the region totals of the rollup). */
    public List<Integer> years() {
        return db.read(c -> Jdbc.query(c, "SELECT DISTINCT fiscal_year FROM indicator_rollup WHERE division = ? ORDER BY fiscal_year",
                rs -> rs.getInt(1), ALL));
    }

    /** The employees of every rollup row of a year (cells and totals), to {@code sink(region, division, employees)}. */
    public void employees(int year, CellSink sink) {
        db.read(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT region, division, employees FROM indicator_rollup WHERE fiscal_year = ?")) {
                ps.setInt(1, year);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1), rs.getString(2), rs.getLong(3));
                    }
                }
            }
            return null;
        });
    }

    /** Receives one rollup row's employees; {@code employees} null: the row is gone. */
    @FunctionalInterface
    public interface CellSink {
        void accept(String region, String division, Long employees) throws SQLException;
    }

    /**
     * The rollup rows of a year changed in a version after {@code since}, with their employees now
     * (null when the row is gone); false when the log no longer reaches back that far, and the
     * caller must read the year again.
     */
    public boolean changes(int year, long since, CellSink sink) {
        return db.read(c -> {
            long current = Jdbc.count(c, "SELECT version FROM indicator_state WHERE id = 1");
            if (current - since >= CHANGES_KEPT - 1) {
                return false;
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT DISTINCT g.region, g.division, r.employees"
                    + " FROM indicator_rollup_changes g LEFT JOIN indicator_rollup r ON r.region = g.region AND r.division = g.division"
                    + " AND r.fiscal_year = g.fiscal_year WHERE g.version > ? AND g.fiscal_year = ?")) {
                ps.setLong(1, since);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long e = rs.getLong(3);
                        sink.accept(rs.getString(1), rs.getString(2), rs.wasNull() ? null : e);
                    }
                }
            }
            return true;
        });
    }

    /** The rows of one division (or {@link #ALL}) and year, one per region. */
    public List<Rollup> division(int year, String division) {
        return db.read(c -> Jdbc.query(c, "SELECT " + ROLLUP_COLUMNS + " FROM indicator_rollup WHERE fiscal_year = ? AND division = ?",
                IndicatorRepository::rollup, year, division));
    }

    /** All rows of a region code and the regions below it (RO11 gives RO11, RO111 ... RO11Z), every year. */
    public List<Rollup> region(String code) {
        return db.read(c -> Jdbc.query(c, "SELECT " + ROLLUP_COLUMNS + " FROM indicator_rollup WHERE region >= ? AND region <= ?"
                + " ORDER BY fiscal_year, division, region", IndicatorRepository::rollup, code, code + "ZZZ"));
    }

    /** The facts of these organisations, by organisation and year. */
    public List<Fact> factsOfOrganisations(Collection<UUID> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<Fact> out = new ArrayList<>();
            for (List<UUID> chunk : chunks(organisations)) {
                out.addAll(Jdbc.query(c, "SELECT " + FACT_COLUMNS + " FROM indicator_facts WHERE organisation_id IN ("
                        + marks(chunk.size()) + ") ORDER BY organisation_id, fiscal_year", IndicatorRepository::fact, chunk.toArray()));
            }
            return out;
        });
    }

    /** The facts of one region x division cell in these years (peer medians). */
    public List<Fact> factsOfCell(String region, String division, int fromYear, int toYear) {
        return db.read(c -> Jdbc.query(c, "SELECT " + FACT_COLUMNS + " FROM indicator_facts WHERE region = ? AND division = ?"
                + " AND fiscal_year >= ? AND fiscal_year <= ?", IndicatorRepository::fact, region, division, fromYear, toYear));
    }

    /** Region names from the core reference table (code to name); codes without one are absent. */
    public Map<String, String> regionNames() {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            for (String[] r : Jdbc.query(c, "SELECT code, name FROM nuts_regions", rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                out.put(r[0].strip(), r[1]);
            }
            return out;
        });
    }

    /** NACE labels from the core reference table (code to English label). */
    public Map<String, String> naceLabels() {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            for (String[] r : Jdbc.query(c, "SELECT code, label_en FROM nace_codes WHERE code NOT LIKE '%.%'",
                    rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                out.put(r[0].strip(), r[1]);
            }
            return out;
        });
    }

    // ---- helpers ----------------------------------------------------------------------------

    static Fact fact(ResultSet rs) throws SQLException {
        int e = rs.getInt("employees");
        Integer employees = rs.wasNull() ? null : e;
        return new Fact(rs.getString("country"), rs.getString("national_id"), rs.getInt("fiscal_year"), rs.getString("region"),
                rs.getString("division"), Jdbc.uuid(rs, "organisation_id"), rs.getString("source"), rs.getBigDecimal("turnover_eur"),
                employees, rs.getBigDecimal("profit_eur"), rs.getBigDecimal("exports_eur"));
    }

    static Rollup rollup(ResultSet rs) throws SQLException {
        return new Rollup(rs.getString("region"), rs.getString("division"), rs.getInt("fiscal_year"), rs.getLong("companies"),
                rs.getLong("employees"), rs.getLong("employee_companies"), rs.getBigDecimal("turnover_eur"),
                rs.getLong("turnover_companies"), rs.getBigDecimal("prod_turnover_eur"), rs.getLong("prod_employees"));
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(new java.util.LinkedHashSet<>(values));
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_MAX) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_MAX)));
        }
        return out;
    }
}
