package eu.danubia.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.Cluster;
import eu.danubia.api.NationalId;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.indicators.internal.Fact;
import eu.danubia.indicators.internal.IndicatorEngine;
import eu.danubia.indicators.internal.IndicatorRepository;
import eu.danubia.indicators.internal.IndicatorService;
import eu.danubia.indicators.internal.Views.RegionMap;
import eu.danubia.indicators.internal.Views.RegionRow;
import eu.danubia.indicators.internal.calc.ClusterRating;
import eu.danubia.indicators.internal.calc.ClusterRating.Cell;
import eu.danubia.indicators.internal.calc.ClusterRating.Rated;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.internal.DatabaseImpl;

/**
 * The dashboards' queries at scale (issue 6): {@link IndicatorService} over
 * {@link IndicatorRepository} on PostgreSQL with 10 million company-year facts (2 million
 * companies x 2019–2023, generated in the database over the real NUTS 3 codes and the 88 NACE
 * divisions, skewed and region-specialised so that location quotients vary), its rollup built by
 * the GROUP BY the engine's deltas keep equal, and a cluster of 60 real directory organisations
 * linked to facts. Each operation is timed after a warm-up with varying sector, year and region;
 * next to it, in the same run, the naive way (a GROUP BY over the facts, then the same rating code)
 * and the ratio. Then batches of 500 companies get a new financial year through
 * {@link IndicatorRepository#replace} as the engine writes them.
 *
 * <p>PostgreSQL comes from {@code DANUBIA_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD} (a fresh
 * schema, dropped afterwards).
 *
 * <p>Usage: {@code benchmarks/run DashboardQueries [--companies=2000000] [--reps=50] [--naive-reps=5]
 * [--batches=20]}
 */
public final class DashboardQueries {

    private static final Path NUTS3 = Path.of("..", "shared", "data", "nuts", "NUTS_RG_60M_2021_4326_LEVL_3.geojson");
    private static final Path NUTS2 = Path.of("..", "shared", "data", "nuts", "NUTS_RG_60M_2021_4326_LEVL_2.geojson");
    private static final Path NACE = Path.of("..", "shared", "data", "nace", "sk-nace-rev2.json");
    private static final int FIRST_YEAR = 2019;
    private static final int LAST_YEAR = 2023;
    private static final int MEMBERS = 60;
    private static final String CLUSTER_REGION = "RO113";
    private static final String CLUSTER_DIVISION = "62";

    private static final String SUMS = " COUNT(*) companies, COALESCE(SUM(employees), 0) employees, COUNT(employees) employee_companies,"
            + " COALESCE(SUM(turnover_eur), 0) turnover_eur, COUNT(turnover_eur) turnover_companies,"
            + " COALESCE(SUM(CASE WHEN employees > 0 AND turnover_eur IS NOT NULL THEN turnover_eur END), 0) prod_turnover_eur,"
            + " COALESCE(SUM(CASE WHEN employees > 0 AND turnover_eur IS NOT NULL THEN employees END), 0) prod_employees";

    private final Connection pg;
    private final Database db;
    private final int companies;
    private final Random random = new Random(20250306);
    private List<String> divisions;
    private List<String> regions3;
    private final List<UUID> members = new ArrayList<>();
    private UUID clusterId;

    private DashboardQueries(Connection pg, Database db, int companies) {
        this.pg = pg;
        this.db = db;
        this.companies = companies;
    }

    public static void main(String[] args) throws Exception {
        int companies = 2_000_000;
        int reps = 50;
        int naiveReps = 5;
        int batches = 20;
        for (String a : args) {
            if (a.startsWith("--companies=")) {
                companies = Integer.parseInt(a.substring("--companies=".length()));
            } else if (a.startsWith("--reps=")) {
                reps = Integer.parseInt(a.substring("--reps=".length()));
            } else if (a.startsWith("--naive-reps=")) {
                naiveReps = Integer.parseInt(a.substring("--naive-reps=".length()));
            } else if (a.startsWith("--batches=")) {
                batches = Integer.parseInt(a.substring("--batches=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        String url = System.getenv("DANUBIA_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            System.out.println("PostgreSQL: skipped (set DANUBIA_TEST_PG_URL, _USER and _PASSWORD, e.g. `. /tmp/pgenv`)");
            return;
        }
        System.out.printf(Locale.ROOT, "cores=%d java=%s companies=%,d facts=%,d reps=%d naive-reps=%d batches=%d x %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), companies,
                (long) companies * (LAST_YEAR - FIRST_YEAR + 1), reps, naiveReps, batches, IndicatorRepository.IN_MAX);
        System.out.println("load average at start: " + Machine.loadAverage() + " (other processes on these cores skew every figure)");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection pg = DriverManager.getConnection(url, System.getenv("DANUBIA_TEST_PG_USER"),
                System.getenv("DANUBIA_TEST_PG_PASSWORD"))) {
            try (Statement s = pg.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            pg.setSchema(schema);
            try {
                System.out.println(pg.getMetaData().getDatabaseProductName() + " " + pg.getMetaData().getDatabaseProductVersion()
                        + ", schema " + schema);
                DashboardQueries b = new DashboardQueries(pg, new DatabaseImpl(OneConnection.of(pg)), companies);
                b.run(reps, naiveReps, batches);
            } finally {
                pg.setAutoCommit(true);
                try (Statement s = pg.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private void run(int reps, int naiveReps, int batches) throws Exception {
        DirectoryServiceImpl directory = new DirectoryServiceImpl(db);
        IndicatorEngine engine = IndicatorEngine.manual(db);
        IndicatorRepository repository = engine.repository();
        IndicatorService service = new IndicatorService(repository, directory, IndicatorService.Settings.DEFAULTS);
        load(directory);
        System.out.println("load average after the load: " + Machine.loadAverage());

        Caller admin = new Caller(UUID.randomUUID(), "root@bench", null, null, Set.of(Role.PLATFORM_ADMIN));
        int years = LAST_YEAR - FIRST_YEAR + 1;

        // what the component does when it starts: rate every year on its background thread
        service.warmUp();
        service.awaitRatings();
        checkSameNumbers(service, admin);

        List<Row> table = new ArrayList<>();
        // the operations of the dashboards, each with varying arguments
        Map<String, Runnable> ours = new LinkedHashMap<>();
        ours.put("regions map, level 3, one sector", () -> service.regions(Caller.ANONYMOUS, 3, division(), year(years), null));
        ours.put("regions map, level 2, one sector", () -> service.regions(Caller.ANONYMOUS, 2, division(), year(years), null));
        ours.put("regions map, level 3, all sectors", () -> service.regions(Caller.ANONYMOUS, 3, "", year(years), null));
        ours.put("region detail (NUTS 3, one sector)", () -> service.region(Caller.ANONYMOUS, region3(), division()));
        ours.put("cluster dashboard (60 members)", () -> service.cluster(admin, clusterId));
        ours.put("company benchmark", () -> service.company(admin, members.get(random.nextInt(members.size()))));

        Map<String, Runnable> naive = new HashMap<>();
        naive.put("regions map, level 3, one sector", () -> naiveMap(3, division(), year(years)));
        naive.put("regions map, level 2, one sector", () -> naiveMap(2, division(), year(years)));
        naive.put("regions map, level 3, all sectors", () -> naiveAllSectors(year(years)));
        naive.put("region detail (NUTS 3, one sector)", () -> naiveRegion(region3(), division()));

        for (Map.Entry<String, Runnable> e : ours.entrySet()) {
            for (int i = 0; i < 10; i++) {
                e.getValue().run();
            }
            double[] t = time(e.getValue(), reps);
            double[] n = null;
            Runnable nv = naive.get(e.getKey());
            if (nv != null) {
                nv.run();
                n = time(nv, naiveReps);
            }
            Row r = new Row(e.getKey(), t, n);
            table.add(r);
            System.out.println("  measured: " + r.line() + "   load " + Machine.loadAverage());
        }
        // a version change empties the service's rating cache: the first map after new data rates every cell of the year again
        Runnable cold = () -> {
            db.transaction(repository::bump);
            long start = System.nanoTime();
            service.regions(Caller.ANONYMOUS, 3, division(), year(years), null);
            coldTimes.add((System.nanoTime() - start) / 1e6);
        };
        coldTimes.clear();
        for (int i = 0; i < Math.max(10, reps / 2); i++) {
            cold.run();
        }
        Row coldRow = new Row("regions map, level 3, after a version change", coldTimes.stream().mapToDouble(Double::doubleValue).toArray(),
                table.get(0).naive);
        table.add(1, coldRow);
        System.out.println("  measured: " + coldRow.line());

        System.out.println();
        System.out.printf(Locale.ROOT, "%-46s %5s %9s %9s %9s | %6s %10s %10s | %9s%n", "operation (ours: IndicatorService)", "n", "p50 ms",
                "p95 ms", "max ms", "naive n", "p50 ms", "p95 ms", "naive/ours p95");
        for (Row r : table) {
            System.out.println(r.line());
        }
        System.out.println("load average after the queries: " + Machine.loadAverage());

        incremental(repository, batches);
        System.out.println("load average at the end: " + Machine.loadAverage());
    }

    private final List<Double> coldTimes = new ArrayList<>();

    // ---- load -------------------------------------------------------------------------------

    private void load(DirectoryServiceImpl directory) throws Exception {
        long start = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        Map<String, String[]> nuts3 = new TreeMap<>();
        for (JsonNode f : json.readTree(NUTS3.toFile()).get("features")) {
            JsonNode p = f.get("properties");
            nuts3.put(p.get("NUTS_ID").asText(), new String[] {p.get("CNTR_CODE").asText(), p.get("NAME_LATN").asText()});
        }
        Map<String, String[]> nuts2 = new TreeMap<>();
        for (JsonNode f : json.readTree(NUTS2.toFile()).get("features")) {
            JsonNode p = f.get("properties");
            nuts2.put(p.get("NUTS_ID").asText(), new String[] {p.get("CNTR_CODE").asText(), p.get("NAME_LATN").asText()});
        }
        java.util.SortedSet<String> divs = new java.util.TreeSet<>();
        for (JsonNode n : json.readTree(NACE.toFile()).get("klasifikacie")) {
            divs.add(n.get("kod").asText().substring(0, 2));
        }
        divisions = List.copyOf(divs);
        regions3 = List.copyOf(nuts3.keySet());
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO nuts_regions (code, level, country, name) VALUES (?, ?, ?, ?)")) {
                for (var e : nuts2.entrySet()) {
                    add(ps, e.getKey(), 2, e.getValue());
                }
                for (var e : nuts3.entrySet()) {
                    add(ps, e.getKey(), 3, e.getValue());
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO nace_codes (code, label_en) VALUES (?, ?)")) {
                for (String d : divisions) {
                    ps.setString(1, d);
                    ps.setString(2, "Division " + d);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // the regions in a random order (the skew favours the first ones), then the non-NUTS countries
            List<String> order = new ArrayList<>(regions3);
            Collections.shuffle(order, random);
            order.addAll(List.of("UA", "MD", "BA"));
            Jdbc.update(c, "CREATE TABLE bench_regions (idx INTEGER PRIMARY KEY, code VARCHAR(5) NOT NULL, country VARCHAR(2) NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_regions (idx, code, country) VALUES (?, ?, ?)")) {
                for (int i = 0; i < order.size(); i++) {
                    ps.setInt(1, i);
                    ps.setString(2, order.get(i));
                    ps.setString(3, order.get(i).length() == 2 ? order.get(i) : nuts3.get(order.get(i))[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        int regionCount = regions3.size() + 3;
        List<String> shuffled = new ArrayList<>(divisions);
        Collections.shuffle(shuffled, random);
        String divArray = "ARRAY['" + String.join("','", shuffled) + "']";

        exec("SELECT setseed(0.306)");
        // companies: a skewed region; the division is one of the region's two specialities (35 %) or a
        // skewed pick over all 88; employees mostly micro (median ~6, up to ~1,800); productivity by division
        exec("CREATE UNLOGGED TABLE bench_companies AS SELECT x.i, r.code AS region, r.country,"
                + " CASE WHEN x.u < 0.25 THEN (" + divArray + ")[1 + (x.r * 7) % 88]"
                + " WHEN x.u < 0.35 THEN (" + divArray + ")[1 + (x.r * 13 + 5) % 88]"
                + " ELSE (" + divArray + ")[1 + LEAST(87, floor(88 * power(random(), 1.8))::int)] END AS division,"
                + " CAST(NULL AS UUID) AS organisation_id,"
                + " floor(exp(power(random(), 2) * 7.5))::int AS employees,"
                + " (25000 + 4000 * (x.r % 50)) * (0.5 + random()) AS productivity,"
                + " random() * 0.3 - 0.1 AS growth, random() * 0.2 - 0.06 AS egrowth, random() < 0.4 AS exporter"
                + " FROM (SELECT i, LEAST(" + (regionCount - 1) + ", floor(" + regionCount + " * power(random(), 1.6))::int) AS r,"
                + " random() AS u FROM generate_series(1, " + companies + ") i) x JOIN bench_regions r ON r.idx = x.r");
        long companiesDone = System.nanoTime();

        // the cluster: an association, 60 directory organisations linked by their national ids; half in RO113 x 62,
        UUID association = UUID.randomUUID();
        db.transaction(c -> Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                association, "bench", "Benchmark association", "RO", java.time.Instant.now()));
        exec("UPDATE bench_companies SET region = '" + CLUSTER_REGION + "', country = 'RO', division = '" + CLUSTER_DIVISION
                + "' WHERE i <= " + MEMBERS / 2);
        // the other half in ten Danube-region NUTS 3 regions (the directory takes Danube-region countries only), their own division
        exec("UPDATE bench_companies SET region = (ARRAY['HU110','SK010','CZ010','AT130','SI041','HR050','BG411','RO321','DE212',"
                + "'RS110'])[1 + i % 10] WHERE i > " + MEMBERS / 2 + " AND i <= " + MEMBERS);
        exec("UPDATE bench_companies SET country = substr(region, 1, 2) WHERE i <= " + MEMBERS);
        List<String[]> memberRows = db.read(c -> Jdbc.query(c, "SELECT i, region, country, division FROM bench_companies WHERE i <= ?"
                + " ORDER BY i", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, MEMBERS));
        Jdbc.update(pg, "CREATE TABLE bench_members (i INTEGER PRIMARY KEY, organisation_id UUID NOT NULL)");
        for (String[] m : memberRows) {
            String nationalId = nationalId(Integer.parseInt(m[0]));
            Organisation o = directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, "Member " + m[0],
                    OrganisationType.BUSINESS, m[2], m[1].length() == 5 ? m[1] : null, null, List.of(m[3] + ".01"), SizeClass.SMALL,
                    List.of(new NationalId(m[2] + (m[2].equals("RO") ? "-CUI" : "-REG"), nationalId)), null, null,
                    Visibility.ASSOCIATION, null, null));
            members.add(o.id());
            Jdbc.update(pg, "INSERT INTO bench_members (i, organisation_id) VALUES (?, ?)", Integer.parseInt(m[0]), o.id());
        }
        Cluster cluster = directory.createCluster(Caller.SYSTEM, new Cluster(null, association, "Benchmark IT cluster", members.get(0),
                "RO", CLUSTER_REGION, List.of(CLUSTER_DIVISION + ".01"), null, null, Visibility.PUBLIC, 0, null, null));
        for (UUID m : members) {
            directory.addMember(Caller.SYSTEM, cluster.id(), m, null);
        }
        clusterId = cluster.id();
        exec("UPDATE bench_companies b SET organisation_id = m.organisation_id FROM bench_members m WHERE b.i = m.i");

        // the facts, without their key and indexes, which are built afterwards
        exec("ALTER TABLE indicator_facts DROP CONSTRAINT indicator_facts_pkey");
        exec("DROP INDEX indicator_facts_national_id");
        exec("DROP INDEX indicator_facts_organisation");
        exec("DROP INDEX indicator_facts_cell");
        exec("INSERT INTO indicator_facts (country, national_id, fiscal_year, region, division, organisation_id, source, turnover_eur,"
                + " employees, profit_eur, exports_eur)"
                + " SELECT country, national_id, y, region, division, organisation_id, 'bench', t, e,"
                + " CASE WHEN t IS NULL THEN NULL ELSE round(CAST(t * (random() * 0.25 - 0.07) AS NUMERIC), 2) END,"
                + " CASE WHEN t IS NULL OR NOT exporter THEN NULL ELSE round(CAST(t * random() * 0.8 AS NUMERIC), 2) END"
                + " FROM (SELECT c.country, lpad(CAST(c.i AS VARCHAR), 9, '0') AS national_id, y, c.region, c.division, c.organisation_id,"
                + " c.exporter,"
                + " CASE WHEN random() < 0.03 THEN NULL ELSE GREATEST(0, round(c.employees * power(1 + c.egrowth, y - " + FIRST_YEAR
                + ")))::int END AS e,"
                + " CASE WHEN random() < 0.02 THEN NULL ELSE round(CAST(c.employees * c.productivity * power(1 + c.growth, y - " + FIRST_YEAR
                + ") * (0.9 + 0.2 * random()) AS NUMERIC), 2) END AS t"
                + " FROM bench_companies c CROSS JOIN generate_series(" + FIRST_YEAR + ", " + LAST_YEAR + ") y) f");
        long factsDone = System.nanoTime();
        exec("SET maintenance_work_mem = '512MB'");
        exec("ALTER TABLE indicator_facts ADD PRIMARY KEY (country, national_id, fiscal_year)");
        exec("CREATE INDEX indicator_facts_national_id ON indicator_facts (national_id)");
        exec("CREATE INDEX indicator_facts_organisation ON indicator_facts (organisation_id, fiscal_year)");
        exec("CREATE INDEX indicator_facts_cell ON indicator_facts (region, division, fiscal_year)");
        exec("ANALYZE indicator_facts");
        long indexesDone = System.nanoTime();
        // the rollup: the GROUP BY that the engine's deltas keep it equal to (EngineTest checks that equality)
        exec("INSERT INTO indicator_rollup (region, division, fiscal_year, companies, employees, employee_companies, turnover_eur,"
                + " turnover_companies, prod_turnover_eur, prod_employees)"
                + " SELECT region, division, fiscal_year," + SUMS + " FROM indicator_facts GROUP BY region, division, fiscal_year"
                + " UNION ALL SELECT region, '*', fiscal_year," + SUMS + " FROM indicator_facts GROUP BY region, fiscal_year");
        exec("ANALYZE indicator_rollup");
        exec("DROP TABLE bench_companies");
        long done = System.nanoTime();
        long facts = db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM indicator_facts"));
        long rollup = db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM indicator_rollup"));
        long linked = db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM indicator_facts WHERE organisation_id IS NOT NULL"));
        String size = db.read(c -> Jdbc.query(c, "SELECT pg_size_pretty(pg_total_relation_size('indicator_facts'))",
                rs -> rs.getString(1)).get(0));
        System.out.printf(Locale.ROOT, "load: %,d facts (%s with indexes), %,d rollup rows, %d regions, %d divisions, %d linked facts;"
                + " companies %.1f s, facts %.1f s, key + 3 indexes + analyze %.1f s, rollup %.1f s, total %.1f s%n", facts, size, rollup,
                regionCount, divisions.size(), linked, (companiesDone - start) / 1e9, (factsDone - companiesDone) / 1e9,
                (indexesDone - factsDone) / 1e9, (done - indexesDone) / 1e9, (done - start) / 1e9);
    }

    private static void add(PreparedStatement ps, String code, int level, String[] v) throws SQLException {
        ps.setString(1, code);
        ps.setInt(2, level);
        ps.setString(3, v[0]);
        ps.setString(4, v[1]);
        ps.addBatch();
    }

    private static String nationalId(int i) {
        return String.format(Locale.ROOT, "%09d", i);
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = pg.createStatement()) {
            s.execute(sql);
        }
    }

    // ---- arguments --------------------------------------------------------------------------

    /** Any of the 88 divisions. */
    private String division() {
        return divisions.get(random.nextInt(divisions.size()));
    }

    private Integer year(int years) {
        return FIRST_YEAR + random.nextInt(years);
    }

    private String region3() {
        return regions3.get(random.nextInt(regions3.size()));
    }

    // ---- the naive way: GROUP BY over the facts, then the same rating code ---------------------

    private record Agg(String region, String division, long companies, long employees, BigDecimal turnover, BigDecimal prodTurnover,
            long prodEmployees) {
    }

    private List<Agg> groupBy(String sql, Object... params) {
        return db.read(c -> Jdbc.query(c, sql, rs -> new Agg(rs.getString("region"), rs.getString("division"), rs.getLong("companies"),
                rs.getLong("employees"), rs.getBigDecimal("turnover_eur"), rs.getBigDecimal("prod_turnover_eur"),
                rs.getLong("prod_employees")), params));
    }

    private static String level(String region, int level) {
        return level == 2 && region.length() > 4 ? region.substring(0, 4) : region;
    }

    /** The map of one sector and year: employees per region and the ratings of all cells, from one scan. */
    private Map<String, Object[]> naiveMap(int level, String sector, int year) {
        List<Agg> rows = groupBy("SELECT region, division," + SUMS + " FROM indicator_facts WHERE fiscal_year = ? GROUP BY region, division",
                year);
        Map<String, long[]> cells = new TreeMap<>();
        Map<String, long[]> totals = new HashMap<>();
        Map<String, BigDecimal[]> money = new HashMap<>();
        for (Agg a : rows) {
            String r = level(a.region(), level);
            totals.computeIfAbsent(r, k -> new long[1])[0] += a.employees();
            if (!a.division().isEmpty()) {
                long[] v = cells.computeIfAbsent(r + ":" + a.division(), k -> new long[3]);
                v[0] += a.companies();
                v[1] += a.employees();
                v[2] += a.prodEmployees();
                BigDecimal[] m = money.computeIfAbsent(r + ":" + a.division(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                m[0] = m[0].add(a.turnover());
                m[1] = m[1].add(a.prodTurnover());
            }
        }
        List<Cell> list = new ArrayList<>();
        cells.forEach((k, v) -> {
            String region = k.substring(0, k.indexOf(':'));
            list.add(new Cell(region, k.substring(k.indexOf(':') + 1), BigDecimal.valueOf(v[1]), BigDecimal.valueOf(totals.get(region)[0])));
        });
        Map<String, Object[]> out = new TreeMap<>();
        for (Rated x : ClusterRating.rate(list, ClusterRating.Thresholds.DEFAULTS)) {
            if (x.cell().sector().equals(sector)) {
                String key = x.cell().region() + ":" + sector;
                BigDecimal[] m = money.get(key);
                long[] v = cells.get(key);
                out.put(x.cell().region(), new Object[] {v[1], x.lq(), x.stars(), v[0], m[0],
                    v[2] == 0 ? null : m[1].divide(BigDecimal.valueOf(v[2]), 2, RoundingMode.HALF_UP)});
            }
        }
        return out;
    }

    /** All sectors of a year: the region totals, one scan. */
    private List<Agg> naiveAllSectors(int year) {
        return groupBy("SELECT region, '' division," + SUMS + " FROM indicator_facts WHERE fiscal_year = ? GROUP BY region", year);
    }

    /** A region's series of one sector with its LQ every year: every cell of every year, one scan. */
    private Map<Integer, Object[]> naiveRegion(String code, String sector) {
        record YAgg(int year, String region, String division, long companies, long employees) {
        }
        List<YAgg> rows = db.read(c -> Jdbc.query(c, "SELECT fiscal_year, region, division, COUNT(*) companies,"
                + " COALESCE(SUM(employees), 0) employees FROM indicator_facts GROUP BY fiscal_year, region, division",
                rs -> new YAgg(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))));
        Map<Integer, Object[]> out = new TreeMap<>();
        Map<Integer, List<YAgg>> byYear = new TreeMap<>();
        rows.forEach(r -> byYear.computeIfAbsent(r.year(), k -> new ArrayList<>()).add(r));
        byYear.forEach((year, list) -> {
            Map<String, Long> totals = new HashMap<>();
            list.forEach(r -> totals.merge(r.region(), r.employees(), Long::sum));
            List<Cell> cells = list.stream().filter(r -> !r.division().isEmpty())
                    .map(r -> new Cell(r.region(), r.division(), BigDecimal.valueOf(r.employees()), BigDecimal.valueOf(totals.get(r.region()))))
                    .toList();
            for (Rated x : ClusterRating.rate(cells, ClusterRating.Thresholds.DEFAULTS)) {
                if (x.cell().region().equals(code) && x.cell().sector().equals(sector)) {
                    out.put(year, new Object[] {x.cell().employees(), x.lq(), x.stars()});
                }
            }
        });
        return out;
    }

    /** Ours and the naive way give the same employees, LQ and stars per region for one sector and year; fails loudly if not. */
    private void checkSameNumbers(IndicatorService service, Caller admin) {
        String sector = CLUSTER_DIVISION;
        int year = LAST_YEAR;
        RegionMap map = service.regions(admin, 3, sector, year, null);
        Map<String, Object[]> naive = naiveMap(3, sector, year);
        int compared = 0;
        List<String> wrong = new ArrayList<>();
        for (RegionRow r : map.regions()) {
            Object[] n = naive.get(r.code());
            if (n == null || r.employees() == null || r.employees().longValueExact() != (Long) n[0]
                    || r.lq().compareTo((BigDecimal) n[1]) != 0 || !r.stars().equals(n[2])) {
                wrong.add(r.code() + " ours " + r.employees() + "/" + r.lq() + "/" + r.stars() + " naive "
                        + (n == null ? "none" : n[0] + "/" + n[1] + "/" + n[2]));
            }
            compared++;
        }
        if (compared != naive.size()) {
            wrong.add("ours has " + compared + " regions, naive " + naive.size());
        }
        if (!wrong.isEmpty() || compared == 0) {
            throw new IllegalStateException("the dashboard and the naive GROUP BY differ for sector " + sector + " year " + year + ": "
                    + wrong.subList(0, Math.min(10, wrong.size())));
        }
        System.out.printf(Locale.ROOT, "check: sector %s year %d, %d regions: employees, LQ and stars equal to the naive GROUP BY%n",
                sector, year, compared);
    }

    // ---- incremental updates ----------------------------------------------------------------

    /** Batches of 500 companies get a new financial year (2024), as the engine writes them: read, replace, bump. */
    private void incremental(IndicatorRepository repository, int batches) {
        List<Double> ms = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = MEMBERS + 1; i <= companies; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, random);
        int warm = 3;
        for (int b = 0; b < batches + warm; b++) {
            List<String> batch = ids.subList(b * IndicatorRepository.IN_MAX, (b + 1) * IndicatorRepository.IN_MAX).stream()
                    .map(DashboardQueries::nationalId).toList();
            long start = System.nanoTime();
            int changed = db.transaction(c -> {
                List<Fact> before = repository.facts(c, batch);
                List<Fact> after = new ArrayList<>(before);
                Map<String, Fact> last = new HashMap<>();
                for (Fact f : before) {
                    last.merge(f.nationalId(), f, (x, y) -> x.year() >= y.year() ? x : y);
                }
                for (Fact f : last.values()) {
                    after.add(new Fact(f.country(), f.nationalId(), LAST_YEAR + 1, f.region(), f.division(), f.organisationId(), f.source(),
                            f.turnoverEur() == null ? null : f.turnoverEur().multiply(new BigDecimal("1.05")), f.employees(),
                            f.profitEur(), f.exportsEur()));
                }
                int n = repository.replace(c, before, after);
                repository.bump(c);
                return n;
            });
            double t = (System.nanoTime() - start) / 1e6;
            if (changed != batch.size()) {
                throw new IllegalStateException("batch changed " + changed + " facts, expected " + batch.size());
            }
            if (b >= warm) {
                ms.add(t);
            }
        }
        double[] t = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "incremental: %d batches of %d companies with a new year (read facts, replace, rollup deltas, bump,"
                + " one transaction each): p50 %.1f ms, p95 %.1f ms, max %.1f ms per batch (%.0f companies/s at p50)%n", t.length,
                IndicatorRepository.IN_MAX, Machine.percentile(t, 50), Machine.percentile(t, 95), t[t.length - 1], IndicatorRepository.IN_MAX / (Machine.percentile(t, 50) / 1000));
        // the new year's rollup equals its GROUP BY
        List<String> rollup = db.read(c -> Jdbc.query(c, "SELECT region, division, companies, employees FROM indicator_rollup"
                + " WHERE fiscal_year = ? ORDER BY region, division", rs -> rs.getString(1) + ":" + rs.getString(2) + "=" + rs.getLong(3)
                + "/" + rs.getLong(4), LAST_YEAR + 1));
        List<String> groupBy = db.read(c -> Jdbc.query(c, "SELECT region, division, companies, employees FROM (SELECT region, division,"
                + " COUNT(*) companies, COALESCE(SUM(employees), 0) employees FROM indicator_facts WHERE fiscal_year = ? GROUP BY region, division"
                + " UNION ALL SELECT region, '*', COUNT(*), COALESCE(SUM(employees), 0) FROM indicator_facts WHERE fiscal_year = ?"
                + " GROUP BY region) g ORDER BY region, division", rs -> rs.getString(1) + ":" + rs.getString(2) + "=" + rs.getLong(3)
                + "/" + rs.getLong(4), LAST_YEAR + 1, LAST_YEAR + 1));
        if (!rollup.equals(groupBy)) {
            throw new IllegalStateException("the rollup of " + (LAST_YEAR + 1) + " differs from its GROUP BY");
        }
        System.out.printf(Locale.ROOT, "check: the %d rollup rows of %d equal their GROUP BY%n", rollup.size(), LAST_YEAR + 1);
    }

    // ---- timing -----------------------------------------------------------------------------

    private static double[] time(Runnable r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            r.run();
            out[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(out);
        return out;
    }

    private record Row(String name, double[] ours, double[] naive) {
        Row {
            ours = ours.clone();
            Arrays.sort(ours);
        }

        String line() {
            String n = naive == null ? String.format(Locale.ROOT, "| %6s %10s %10s | %9s", "-", "-", "-", "-")
                    : String.format(Locale.ROOT, "| %6d %10.1f %10.1f | %8.0fx", naive.length, Machine.percentile(naive, 50), Machine.percentile(naive, 95),
                            Machine.percentile(naive, 95) / Machine.percentile(ours, 95));
            return String.format(Locale.ROOT, "%-46s %5d %9.1f %9.1f %9.1f %s", name, ours.length, Machine.percentile(ours, 50), Machine.percentile(ours, 95),
                    ours[ours.length - 1], n);
        }
    }
}
