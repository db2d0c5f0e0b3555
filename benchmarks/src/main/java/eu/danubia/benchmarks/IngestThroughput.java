package eu.danubia.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.IngestService.Outcome;
import eu.danubia.ingest.internal.IngestStore;
import eu.danubia.store.Database;
import eu.danubia.store.internal.DatabaseImpl;

/**
 * Ingest throughput: synthetic company records shaped like the real register records in
 * {@code ../shared/data/registers} (CZ ARES, SK RUZ, UA EDR: their id formats, legal forms,
 * addresses, statuses, number of NACE codes; the NACE codes themselves from
 * {@code ../shared/data/nace}) stored through {@link IngestStore#companies} in batches, against a
 * raw JDBC batch insert of the same rows into an equivalent plain table (same columns without the
 * content hash, same primary key and index), one transaction per batch for both, on the same
 * connection. Then the same records imported again, all unchanged. The ratio is ingest over raw
 * within each round (the two run back to back), the median over the rounds.
 *
 * <p>H2 runs as a file database in a temporary folder, in PostgreSQL mode as the distribution runs
 * it. PostgreSQL comes from {@code DANUBIA_TEST_PG_URL}, {@code DANUBIA_TEST_PG_USER} and
 * {@code DANUBIA_TEST_PG_PASSWORD} (a fresh schema, dropped afterwards), and is skipped without
 * them. Each figure is the median of the rounds, after a warm-up; the records arrive as three
 * files, one per register, as a connector would read them.
 *
 * <p>Usage: {@code benchmarks/run IngestThroughput [--records=100000] [--batch=500] [--rounds=3]
 * [--databases=h2,postgresql]}
 */
public final class IngestThroughput {

    private static final Path NACE = Path.of("..", "shared", "data", "nace", "sk-nace-rev2.json");
    private static final String RAW_TABLE = "bench_raw_companies";

    private IngestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        int batch = 500;
        int rounds = 3;
        List<String> databases = List.of("h2", "postgresql");
        for (String a : args) {
            if (a.startsWith("--records=")) {
                count = Integer.parseInt(a.substring("--records=".length()));
            } else if (a.startsWith("--batch=")) {
                batch = Integer.parseInt(a.substring("--batch=".length()));
            } else if (a.startsWith("--rounds=")) {
                rounds = Integer.parseInt(a.substring("--rounds=".length()));
            } else if (a.startsWith("--databases=")) {
                databases = List.of(a.substring("--databases=".length()).split(","));
            } else {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        List<CompanyRecord> records = Generator.companies(count, new Random(20250301));
        List<String> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add("companies-" + records.get(i).source() + ".jsonl line " + (i + 1));
        }
        System.out.printf(Locale.ROOT, "cores=%d java=%s records=%d batch=%d rounds=%d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), count, batch, rounds);
        System.out.println("load average at start: " + Machine.loadAverage()
                + " (other processes on these cores skew every figure)");

        if (databases.contains("h2")) {
            h2(records, positions, batch, rounds);
        }
        if (databases.contains("postgresql")) {
            postgresql(records, positions, batch, rounds);
        }
    }

    private static void h2(List<CompanyRecord> records, List<String> positions, int batch, int rounds)
            throws IOException, SQLException {
        Path dir = Files.createTempDirectory("danubia-bench-ingest-");
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bench")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
            measure("H2 " + h2.getMetaData().getDatabaseProductVersion().split(" ")[0] + " (file)", h2, records,
                    positions, batch, rounds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void postgresql(List<CompanyRecord> records, List<String> positions, int batch, int rounds)
            throws SQLException {
        String url = System.getenv("DANUBIA_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            System.out.println("PostgreSQL: skipped (set DANUBIA_TEST_PG_URL, _USER and _PASSWORD, e.g. `. /tmp/pgenv`)");
            return;
        }
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection pg = DriverManager.getConnection(url, System.getenv("DANUBIA_TEST_PG_USER"),
                System.getenv("DANUBIA_TEST_PG_PASSWORD"))) {
            try (Statement s = pg.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            pg.setSchema(schema);
            try {
                measure("PostgreSQL " + pg.getMetaData().getDatabaseProductVersion().split(" ")[0], pg, records, positions, batch, rounds);
            } finally {
                try (Statement s = pg.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void measure(String label, Connection c, List<CompanyRecord> records, List<String> positions, int batch,
            int rounds) throws SQLException {
        Database db = new DatabaseImpl(OneConnection.of(c));
        IngestStore store = new IngestStore(db);
        createRawTable(c);

        // warm-up: the JIT, the drivers' statement caches and the databases' plan caches
        int warm = Math.min(records.size(), 20_000);
        for (int i = 0; i < 2; i++) {
            ingest(store, records.subList(0, warm), positions.subList(0, warm), batch, Outcome.STORED);
            ingest(store, records.subList(0, warm), positions.subList(0, warm), batch, Outcome.UNCHANGED);
            raw(c, records.subList(0, warm), positions.subList(0, warm), batch);
            truncate(c);
        }

        double[] ingest = new double[rounds];
        double[] reimport = new double[rounds];
        double[] raw = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternating which goes first spreads the drift of a shared machine over both
            if (r % 2 == 0) {
                raw[r] = raw(c, records, positions, batch);
            }
            ingest[r] = ingest(store, records, positions, batch, Outcome.STORED);
            reimport[r] = ingest(store, records, positions, batch, Outcome.UNCHANGED);
            if (r % 2 == 1) {
                raw[r] = raw(c, records, positions, batch);
            }
            ratio[r] = ingest[r] / raw[r];
            truncate(c);
        }
        System.out.printf(Locale.ROOT, "%-28s ingest %,9.0f records/s   raw %,9.0f records/s   ratio %.2f   re-import (all unchanged) %,9.0f records/s%n",
                label + ":", median(ingest), median(raw), median(ratio), median(reimport));
        System.out.printf(Locale.ROOT, "%-28s rounds: ingest %s, raw %s, re-import %s%n", "", rates(ingest), rates(raw),
                rates(reimport));
    }

    /** Records per second through the store; checks that every outcome is the expected one. */
    private static double ingest(IngestStore store, List<CompanyRecord> records, List<String> positions, int batch,
            Outcome expected) {
        long start = System.nanoTime();
        long wrong = 0;
        for (int from = 0; from < records.size(); from += batch) {
            int to = Math.min(records.size(), from + batch);
            for (Outcome o : store.companies(records.subList(from, to), positions.subList(from, to))) {
                if (o != expected) {
                    wrong++;
                }
            }
        }
        double rate = records.size() / ((System.nanoTime() - start) / 1e9);
        if (wrong > 0) {
            throw new IllegalStateException(wrong + " outcomes were not " + expected);
        }
        return rate;
    }

    /** Records per second through a plain batched INSERT of the same rows, one transaction per batch. */
    private static double raw(Connection c, List<CompanyRecord> records, List<String> positions, int batch)
            throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + RAW_TABLE + " (source, national_id, name, legal_form,"
                + " nace_codes, street, city, postal_code, country, nuts_code, status, founded_on, source_position, first_seen,"
                + " last_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < records.size(); from += batch) {
                Timestamp now = Timestamp.from(Instant.now());
                int to = Math.min(records.size(), from + batch);
                for (int i = from; i < to; i++) {
                    CompanyRecord r = records.get(i);
                    text(ps, 1, r.source());
                    text(ps, 2, r.nationalId());
                    text(ps, 3, r.name());
                    text(ps, 4, r.legalForm());
                    text(ps, 5, String.join(",", r.naceCodes()));
                    text(ps, 6, r.street());
                    text(ps, 7, r.city());
                    text(ps, 8, r.postalCode());
                    text(ps, 9, r.country());
                    text(ps, 10, r.nutsCode());
                    text(ps, 11, r.status());
                    if (r.foundedOn() == null) {
                        ps.setNull(12, Types.DATE);
                    } else {
                        ps.setDate(12, Date.valueOf(r.foundedOn()));
                    }
                    ps.setString(13, positions.get(i));
                    ps.setTimestamp(14, now);
                    ps.setTimestamp(15, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** The store's table without the content hash: the same row a loader without idempotency writes. */
    private static void createRawTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + RAW_TABLE + " (source VARCHAR(40) NOT NULL, national_id VARCHAR(50) NOT NULL,"
                    + " name VARCHAR(500) NOT NULL, legal_form VARCHAR(100), nace_codes VARCHAR(400) NOT NULL,"
                    + " street VARCHAR(300), city VARCHAR(200), postal_code VARCHAR(20), country VARCHAR(2) NOT NULL,"
                    + " nuts_code VARCHAR(5), status VARCHAR(40), founded_on DATE, source_position VARCHAR(500) NOT NULL,"
                    + " first_seen TIMESTAMP WITH TIME ZONE NOT NULL, last_changed TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " PRIMARY KEY (source, national_id))");
            s.execute("CREATE INDEX " + RAW_TABLE + "_country ON " + RAW_TABLE + " (country, nuts_code)");
        }
    }

    private static void truncate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE " + RAW_TABLE);
            s.execute("TRUNCATE TABLE ingest_companies");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String rates(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v)).toList().toString();
    }

    /**
     * Company records with the shapes of the real ones: ids of 8 digits, the registers' legal-form
     * codes and names, addresses as each register writes them, 1 to 10 NACE codes with the main one
     * first, a few terminated companies, some without a founding date or NUTS region.
     */
    static final class Generator {

        private static final String[] CZ_WORDS = {"Seznam", "Stavby", "Morava", "Technik", "Agro", "Elektro", "Servis",
            "Trans", "Hutní", "Projekt", "Dřevo", "Kovo", "Invest", "Obchod", "Energie", "Vltava", "Beskydy", "Praha"};
        private static final String[] CZ_FORMS = {"112", "121", "101", "205", "706"};
        private static final String[] CZ_SUFFIX = {"s.r.o.", "a.s.", "", "družstvo", "z.s."};
        private static final String[][] CZ_PLACES = {{"Praha", "CZ010", "1"}, {"Brno", "CZ064", "6"}, {"Ostrava", "CZ080", "7"},
            {"Plzeň", "CZ032", "3"}, {"Liberec", "CZ051", "4"}, {"Olomouc", "CZ071", "7"}, {"Zlín", "CZ072", "7"}};
        private static final String[] CZ_STREETS = {"Radlická", "Vinohradská", "Masarykova", "Nádražní", "Husova", "Palackého"};

        private static final String[] SK_WORDS = {"UOL", "Tatra", "Dunaj", "Stavmont", "Agrofarma", "Softip", "Drevoplast",
            "Slovakia", "Váh", "Elektromont", "Kovex", "Hron", "Poľnohospodár", "Logistik"};
        private static final String[] SK_FORMS = {"112", "121", "101", "321", "205"};
        private static final String[] SK_SUFFIX = {"s.r.o.", "a.s.", "", "", "družstvo"};
        private static final String[][] SK_PLACES = {{"Bratislava - mestská časť Rača", "SK010", "831"},
            {"Bratislava - mestská časť Nové Mesto", "SK010", "832"}, {"Košice", "SK042", "040"}, {"Žilina", "SK031", "010"},
            {"Nitra", "SK023", "949"}, {"Banská Bystrica", "SK032", "974"}};
        private static final String[] SK_STREETS = {"Karpatské námestie", "Kutuzovova", "Hlavná", "Štúrova", "Mierová"};

        private static final String[] UA_WORDS = {"ПАРУС", "ІФ", "МІЖНАРОДНА АКАДЕМІЯ", "БУДІНВЕСТ", "АГРОСВІТ", "КАРПАТИ",
            "ДНІПРО", "ТЕХНОСЕРВІС", "ЛОГІСТИК", "ПОДІЛЛЯ", "ЕНЕРГОМОНТАЖ", "СУЧАСНОЇ МЕДИЧНОЇ ОСВІТИ"};
        private static final String UA_FORM = "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ";
        private static final String[][] UA_PLACES = {{"Київ", "04073"}, {"Івано-Франківськ", "76018"}, {"Львів", "79000"},
            {"Харків", "61000"}, {"Одеса", "65000"}, {"Вінниця", "21000"}};
        private static final String[] UA_STREETS = {"ВУЛИЦЯ ЄВГЕНА КОНОВАЛЬЦЯ", "пров.Куренівський", "ВУЛИЦЯ ШЕВЧЕНКА",
            "ПРОСПЕКТ ПЕРЕМОГИ", "ВУЛИЦЯ САДОВА"};

        private Generator() {
        }

        /** 40 % from CZ, 30 % from SK, 30 % from UA, each register's records together. */
        static List<CompanyRecord> companies(int count, Random random) {
            List<String> nace = naceClasses();
            List<CompanyRecord> out = new ArrayList<>(count);
            int cz = count * 4 / 10;
            int sk = count * 3 / 10;
            for (int i = 0; i < count; i++) {
                String source = i < cz ? "cz-ares" : i < cz + sk ? "sk-ruz" : "ua-edr";
                out.add(company(source, i, random, nace));
            }
            return out;
        }

        private static CompanyRecord company(String source, int i, Random random, List<String> nace) {
            String id = String.format(Locale.ROOT, "%08d", 10_000_000 + i * 37 % 89_999_999);
            List<String> codes = new ArrayList<>();
            int n = source.equals("sk-ruz") ? 1 : 1 + random.nextInt(10);
            while (codes.size() < n) {
                String code = nace.get(random.nextInt(nace.size()));
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            String status = random.nextInt(100) < 12 ? "TERMINATED" : "ACTIVE";
            LocalDate founded = random.nextInt(100) < 3 ? null : LocalDate.of(1990, 1, 1).plusDays(random.nextInt(12_700));
            int house = 1 + random.nextInt(4000);
            switch (source) {
                case "cz-ares" -> {
                    int form = random.nextInt(CZ_FORMS.length);
                    String[] place = pick(random, CZ_PLACES);
                    String name = pick(random, CZ_WORDS) + " " + pick(random, CZ_WORDS) + (CZ_SUFFIX[form].isEmpty() ? "" : ", " + CZ_SUFFIX[form]);
                    return new CompanyRecord(source, id, name, CZ_FORMS[form], codes,
                            pick(random, CZ_STREETS) + " " + house + "/" + (1 + random.nextInt(60)), place[0],
                            place[2] + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)), "CZ",
                            random.nextInt(10) == 0 ? null : place[1], status, founded);
                }
                case "sk-ruz" -> {
                    int form = random.nextInt(SK_FORMS.length);
                    String[] place = pick(random, SK_PLACES);
                    String name = pick(random, SK_WORDS) + " " + pick(random, SK_WORDS) + (SK_SUFFIX[form].isEmpty() ? "" : " " + SK_SUFFIX[form]);
                    return new CompanyRecord(source, id, name, SK_FORMS[form], codes, pick(random, SK_STREETS) + " " + house,
                            place[0], place[2] + String.format(Locale.ROOT, "%02d", random.nextInt(100)), "SK", place[1], status,
                            founded);
                }
                default -> {
                    String[] place = pick(random, UA_PLACES);
                    String name = UA_FORM + " \"" + pick(random, UA_WORDS) + "-" + pick(random, UA_WORDS) + "\"";
                    return new CompanyRecord(source, id, name, UA_FORM, codes, pick(random, UA_STREETS) + ", будинок " + house,
                            place[0], place[1], "UA", null, status, founded);
                }
            }
        }

        private static <T> T pick(Random random, T[] values) {
            return values[random.nextInt(values.length)];
        }

        /** The NACE Rev.2 classes (62.01) of the SK NACE list (62010). */
        private static List<String> naceClasses() {
            try {
                JsonNode list = new ObjectMapper().readTree(NACE.toFile()).get("klasifikacie");
                List<String> codes = new ArrayList<>();
                for (JsonNode n : list) {
                    String code = n.get("kod").asText();
                    String nace = code.substring(0, 2) + "." + code.substring(2, 4);
                    if (code.length() == 5 && !codes.contains(nace)) {
                        codes.add(nace);
                    }
                }
                return codes;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + NACE.toAbsolutePath() + " (run from the repository root)", e);
            }
        }
    }
}
