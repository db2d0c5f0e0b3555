package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Crash safety of an import, as the issue asks: Karaf is killed with SIGKILL at 10 %, 50 % and 90 % of a
 * 100,000-row import, restarted, and then holds exactly 100,000 records, no duplicates, and the seeded bad rows in
 * the dead-letter table, in every trial.
 *
 * <p>The distribution runs as an operator runs it ({@code bin/karaf server}). The file is an ONRC {@code od_firme.csv}
 * written here (caret-separated, UTF-8 with a byte-order mark, CRLF): 100,000 good rows and 25 bad ones at known
 * lines, dropped into the RO ONRC connector's drop directory (configured in {@code etc/} before the first start).
 * Progress is read as an operator reads it, with {@code danubia:imports} on the SSH console. After the kill the
 * file is still in the drop directory, so the restarted connector imports it again from the start. When that
 * import is done Karaf is stopped, and the test opens the H2 database file with the distribution's own H2 driver.
 * Between trials the ingest tables are emptied through the same file, so each trial starts from an empty store.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CrashSafetyIT {

    static final int GOOD_ROWS = 100_000;
    static final int BAD_ROWS = 25;
    static final String FILE = "od_firme.csv";
    static final String CONNECTOR = "ro-onrc";

    private static final String NAME = "crash-safety-run";
    private static final String CONSOLE_USER = "crashtest";
    private static final String CONSOLE_PASSWORD = "Crash-Console-Pass-8842!";
    private static final String HEADER = "DENUMIRE^CUI^COD_INMATRICULARE^DATA_INMATRICULARE^EUID^FORMA_JURIDICA^ADR_TARA^"
            + "ADR_JUDET^ADR_LOCALITATE^ADR_DEN_STRADA^ADR_NR_STRADA^ADR_BLOC^ADR_SCARA^ADR_ETAJ^ADR_APARTAMENT^"
            + "ADR_COD_POSTAL^ADR_SECTOR^ADR_COMPLETARE^WEB^TARA_FIRMA_MAMA";
    private static final String[] COUNTIES = {"Cluj", "Bihor", "Iași", "Timiş", "Bucureşti", "COVASNA", "Ilfov", "Constanța"};
    private static final Duration BOOT = Duration.ofSeconds(240);

    /** A row of {@code danubia:imports}: started, connector, state (DONE, FAILED, RUNNING or "RUN 42%"), the counts, source. */
    private static final Pattern RUN_LINE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\s+" + CONNECTOR
            + "\\s+(DONE|FAILED|RUNNING|RUN\\s+\\d+%)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+(\\S.*)$");

    private static Path run;
    private static Path drop;
    private static Path file;
    /** line number → the bad row written there. */
    private static final Map<Long, String> badRows = new TreeMap<>();
    private static final Set<String> goodIds = new HashSet<>();
    private static DistributionProcess danubia;
    /** Whether Karaf runs with an empty ingest store, ready for a trial. */
    private static boolean ready;
    private static URLClassLoader h2;
    private static final List<String> figures = new ArrayList<>();

    @BeforeClass
    public static void startWithTheConnector() throws Exception {
        run = Path.of("target", NAME).toAbsolutePath();
        drop = run.resolve("drop");
        long t = System.nanoTime();
        danubia = DistributionProcess.start(NAME, "Crash-Admin-Pass-5150!", Map.of(
                "users.properties", CONSOLE_USER + " = " + CONSOLE_PASSWORD + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
                "eu.danubia.connector.ro.onrc.cfg", "dropDirectory = " + drop));
        figures.add(String.format(Locale.ROOT, "first start (unpack, boot, demo data): %.1f s", seconds(t)));

        t = System.nanoTime();
        long logFrom = logSize();
        try (KarafConsole console = console(line -> { })) {
            console.send("feature:install danubia-connector-ro-onrc");
            awaitLog(logFrom, "the ro-onrc routes", Duration.ofSeconds(120),
                    l -> l.contains("Added route(s)") && l.contains(CONNECTOR + "-files"));
        }
        figures.add(String.format(Locale.ROOT, "feature:install danubia-connector-ro-onrc: %.1f s", seconds(t)));

        t = System.nanoTime();
        file = run.resolve(FILE);
        write(file);
        figures.add(String.format(Locale.ROOT, "writing %s (%,d bytes): %.1f s", FILE, Files.size(file), seconds(t)));
        ready = true;
    }

    @AfterClass
    public static void stop() throws Exception {
        if (danubia != null) {
            danubia.close();
        }
        if (h2 != null) {
            h2.close();
        }
        System.out.println("CrashSafetyIT figures:\n  " + String.join("\n  ", figures));
    }

    @Test
    public void killedAt10PercentTheRestartedImportEndsComplete() throws Exception {
        crashAndRecover(10);
    }

    @Test
    public void killedAt50PercentTheRestartedImportEndsComplete() throws Exception {
        crashAndRecover(50);
    }

    @Test
    public void killedAt90PercentTheRestartedImportEndsComplete() throws Exception {
        crashAndRecover(90);
    }

    /** One trial: drop the file, kill -9 at the mark, restart, wait for the import, stop, check the database. */
    private void crashAndRecover(int percent) throws Exception {
        long trial = System.nanoTime();
        String label = "trial " + percent + " %: ";
        if (!ready) {
            long t = System.nanoTime();
            danubia.stop(Duration.ofSeconds(90));
            emptyTheIngestStore();
            danubia = danubia.restart(BOOT);
            figures.add(String.format(Locale.ROOT, "%sstart (empty store): %.1f s", label, seconds(t)));
        }
        ready = false;
        long mark = (long) GOOD_ROWS * percent / 100;

        // ---- drop the file, kill -9 once the mark is stored
        Watch watch = new Watch();
        Progress atKill;
        long dropped = System.nanoTime();
        try (KarafConsole console = console(watch)) {
            Path incoming = run.resolve(FILE + ".incoming");
            Files.copy(file, incoming, StandardCopyOption.REPLACE_EXISTING);
            // one rename: the connector never sees a half-written file
            Files.move(incoming, drop.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
            Progress first = poll(console, watch, Duration.ofSeconds(120), "the import to start", Progress::running);
            long firstAt = System.nanoTime();
            figures.add(String.format(Locale.ROOT, "%sdrop to first progress: %.1f s", label, seconds(dropped)));
            // killed from the console's reader the moment it prints the mark: waiting for the test thread to
            // notice costs tenths of a second, and at 90 % the import has about one second left
            DistributionProcess running = danubia;
            Watch killer = watch;
            killer.killAt(mark, running::kill);
            atKill = poll(console, killer, Duration.ofMinutes(5), percent + " % stored",
                    p -> p.done() || p.failed() || killer.killed() != null);
            if (killer.killed() != null) {
                atKill = killer.killed();
            }
            assertTrue("the import ended before the kill at " + percent + " %: " + atKill, atKill.running());
            running.awaitKilled();
            double rate = (atKill.committed() - first.committed()) / Math.max(0.001, (System.nanoTime() - firstAt) / 1e9);
            figures.add(String.format(Locale.ROOT, "%skilled (SIGKILL) at %,d stored + %,d unchanged of %,d read (%s), "
                    + "%.1f s after the drop; import rate before the kill about %,.0f rows/s",
                    label, atKill.stored, atKill.unchanged, atKill.read, atKill.state, seconds(dropped), rate));
        }
        assertTrue("the dropped file is still there to be imported again", Files.exists(drop.resolve(FILE)));

        // ---- restart: the connector imports the file again from the start
        long t = System.nanoTime();
        long logFrom = logSize();
        danubia = danubia.restart(BOOT);
        awaitLog(logFrom, "the ro-onrc routes after the restart", Duration.ofSeconds(60),
                l -> l.contains("Added route(s)") && l.contains(CONNECTOR + "-files"));
        figures.add(String.format(Locale.ROOT, "%srestart: %.1f s", label, seconds(t)));
        t = System.nanoTime();
        Progress done;
        try (KarafConsole console = console(watch = new Watch())) {
            done = poll(console, watch, Duration.ofMinutes(5), "the import after the restart to end",
                    p -> p.done() || p.failed());
        }
        assertTrue("the import after the restart failed: " + done, done.done());
        await("the file to move to .done", Duration.ofSeconds(30), () -> Files.exists(drop.resolve(".done").resolve(FILE)));
        assertFalse(Files.exists(drop.resolve(".failed").resolve(FILE)));
        figures.add(String.format(Locale.ROOT, "%sre-import after the restart: %.1f s (from the restart's routes to DONE)",
                label, seconds(t)));

        t = System.nanoTime();
        assertTrue("Karaf stops cleanly after the recovered import", danubia.stop(Duration.ofSeconds(90)));
        figures.add(String.format(Locale.ROOT, "%sclean stop: %.1f s", label, seconds(t)));

        // ---- what the database holds
        t = System.nanoTime();
        checkTheStore(label, atKill);
        figures.add(String.format(Locale.ROOT, "%sdatabase checks: %.1f s", label, seconds(t)));
        figures.add(String.format(Locale.ROOT, "%swhole trial: %.1f s", label, seconds(trial)));
    }

    private void checkTheStore(String label, Progress atKill) throws Exception {
        try (Connection c = database()) {
            List<String> ids = strings(c, "SELECT national_id FROM ingest_companies WHERE source = ?", CONNECTOR);
            assertEquals(label + "records", GOOD_ROWS, ids.size());
            Set<String> distinct = new HashSet<>(ids);
            assertEquals(label + "no duplicate national ids", GOOD_ROWS, distinct.size());
            assertEquals(label + "exactly the good rows' CUIs", goodIds, distinct);

            // a good row with an unbalanced quote keeps it and does not swallow the next row
            Map<String, Object> quoted = row(c, "SELECT name, city, nuts_code, founded_on, source_position FROM ingest_companies"
                    + " WHERE source = ? AND national_id = ?", CONNECTOR, cui(997));
            assertNotNull(label + "the row with an unbalanced quote", quoted);
            assertEquals("\"LEMN 997 SRL", quoted.get("name"));
            assertEquals(FILE + ", line " + lineOfGoodRow(997), quoted.get("source_position"));
            assertNotNull(row(c, "SELECT name FROM ingest_companies WHERE source = ? AND national_id = ?", CONNECTOR, cui(998)));

            Map<String, String[]> letters = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT source_position, payload, reason FROM ingest_dead_letters WHERE source = ?")) {
                s.setString(1, CONNECTOR);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        letters.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            Map<String, String> expected = new TreeMap<>();
            badRows.forEach((line, text) -> expected.put(FILE + ", line " + line, text));
            assertEquals(label + "exactly the seeded bad rows are dead letters, at their lines", expected.keySet(), letters.keySet());
            for (Map.Entry<String, String> e : expected.entrySet()) {
                String[] letter = letters.get(e.getKey());
                assertEquals(label + "the payload of " + e.getKey(), e.getValue(), letter[0]);
                assertFalse(label + "a reason for " + e.getKey(), letter[1].isBlank());
            }

            // the runs: the killed one, and the one after the restart, read to the end
            List<Map<String, Object>> runs = rows(c, "SELECT state, read_count, stored_count, unchanged_count, rejected_count,"
                    + " started_at, finished_at, error FROM ingest_runs WHERE connector = ? ORDER BY started_at, seq", CONNECTOR);
            figures.add(label + "runs in the store: " + runs);
            assertEquals(label + "two runs: " + runs, 2, runs.size());
            Map<String, Object> last = runs.get(1);
            assertEquals(runs.toString(), "DONE", last.get("state"));
            assertEquals(runs.toString(), (long) GOOD_ROWS + BAD_ROWS, last.get("read_count"));
            assertEquals(runs.toString(), (long) BAD_ROWS, last.get("rejected_count"));
            long stored = (Long) last.get("stored_count");
            long unchanged = (Long) last.get("unchanged_count");
            assertEquals(runs.toString(), (long) GOOD_ROWS, stored + unchanged);
            // the records stored before the kill are found unchanged, the rest is stored now
            assertTrue("nothing survived the kill: " + runs, unchanged > 0);
            assertTrue("the kill came after the last record: " + runs, stored > 0);
            double seconds = Duration.between(((Timestamp) last.get("started_at")).toInstant(),
                    ((Timestamp) last.get("finished_at")).toInstant()).toMillis() / 1000.0;
            figures.add(String.format(Locale.ROOT, "%sre-import run: %,d unchanged (committed before the kill; %,d were "
                    + "reported stored when it came) + %,d stored + %,d rejected in %.1f s = %,.0f rows/s", label, unchanged,
                    atKill.committed(), stored, BAD_ROWS, seconds, (GOOD_ROWS + BAD_ROWS) / seconds));
        }
    }

    // ---- the file ----------------------------------------------------------------------------

    /** 100,000 good rows and 25 bad ones, one every 4,003 lines from line 7, of five kinds. */
    private static void write(Path target) throws IOException {
        badRows.clear();
        goodIds.clear();
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            long line = 1;
            int good = 0;
            int bad = 0;
            while (good < GOOD_ROWS || bad < BAD_ROWS) {
                line++;
                String text;
                if (bad < BAD_ROWS && line == 7 + 4_003L * bad) {
                    text = badRow(bad++);
                    badRows.put(line, text);
                } else {
                    text = goodRow(good);
                    goodIds.add(cui(good));
                    good++;
                }
                out.write(text);
                out.write("\r\n");
            }
        }
        assertEquals(GOOD_ROWS, goodIds.size());
        assertEquals(BAD_ROWS, badRows.size());
    }

    private static String cui(int good) {
        return String.valueOf(30_000_000 + good);
    }

    private static long lineOfGoodRow(int good) {
        long line = good + 2;
        for (long bad : badRows.keySet()) {
            if (bad <= line) {
                line++;
            }
        }
        return line;
    }

    private static String goodRow(int i) {
        String name = i % 997 == 0 && i > 0 ? "\"LEMN " + i + " SRL"
                : i % 13 == 0 ? "ŞANTIERUL ȚESĂTORIEI " + i + " S.R.L." : "EXEMPLU " + i + " SRL";
        String registered = String.format(Locale.ROOT, "%02d/%02d/%d", 1 + i % 28, 1 + i % 12, 1991 + i % 30);
        return String.join("^", name, cui(i), "J12/" + i + "/2016", registered, "ROONRC.J12/" + i + "/2016", "SRL",
                "România", COUNTIES[i % COUNTIES.length], "Localitatea " + (i % 50), "Str. Exemplului",
                String.valueOf(1 + i % 200), "", "", "", "", "400114", "", "", "", "");
    }

    /** Rows the reader must refuse: cut short after an unbalanced quote, no CUI, a CUI that is no number, CUI 0, an impossible date. */
    private static String badRow(int k) {
        String rest = "^J40/" + k + "/2001^01/09/2001^^SRL^România^Bihor^Oradea^Str. Republicii^10^^^^^410167^^^^";
        return switch (k % 5) {
            case 0 -> "\"BETA " + k + " SRL^" + (39_000_000 + k) + "^J40/" + k + "/2001";
            case 1 -> "\"ALFA LEMN " + k + " SRL^" + rest;
            case 2 -> "GAMMA " + k + " SRL^RO-99AB" + rest;
            case 3 -> "DELTA " + k + " SRL^0" + rest;
            default -> "EPSILON " + k + " SRL^" + (39_100_000 + k)
                    + "^J05/" + k + "/2020^31/02/2020^^SRL^România^Bihor^Oradea^^^^^^^^^^^";
        };
    }

    // ---- the console -------------------------------------------------------------------------

    private static KarafConsole console(java.util.function.Consumer<String> lines) throws IOException {
        return KarafConsole.open(danubia.home(), sshPort(), CONSOLE_USER, CONSOLE_PASSWORD, lines);
    }

    private static int sshPort() throws IOException {
        for (String line : Files.readAllLines(danubia.home().resolve("etc/org.apache.karaf.shell.cfg"))) {
            Matcher m = Pattern.compile("^\\s*sshPort\\s*=\\s*(\\d+)").matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("no sshPort in etc/org.apache.karaf.shell.cfg");
    }

    /** The newest ro-onrc run as {@code danubia:imports} shows it. */
    record Progress(String started, String state, long read, long stored, long unchanged, long rejected, String source) {
        boolean running() {
            return state.startsWith("RUN ");
        }

        boolean done() {
            return state.equals("DONE");
        }

        boolean failed() {
            return state.equals("FAILED");
        }

        long committed() {
            return stored + unchanged;
        }
    }

    /** Keeps the latest run line the console printed, and kills Karaf when one shows the mark. */
    private static final class Watch implements java.util.function.Consumer<String> {
        private volatile Progress latest;
        private volatile long lines;
        private volatile long mark = Long.MAX_VALUE;
        private volatile Runnable kill;
        private volatile Progress killed;

        void killAt(long committed, Runnable action) {
            mark = committed;
            kill = action;
        }

        /** The progress line on which Karaf was killed, or null. */
        Progress killed() {
            return killed;
        }

        @Override
        public void accept(String line) {
            Matcher m = RUN_LINE.matcher(line);
            if (m.find()) {
                latest = new Progress(m.group(1), m.group(2).replaceAll("\\s+", " "), number(m.group(3)),
                        number(m.group(4)), number(m.group(5)), number(m.group(6)), m.group(7).strip());
                Progress p = latest;
                Runnable action = kill;
                if (action != null && p.source().endsWith(FILE) && p.running() && p.committed() >= mark) {
                    kill = null;
                    killed = p;
                    action.run();
                }
                lines++;
            }
        }

        private static long number(String digits) {
            return Long.parseLong(digits.replace(",", ""));
        }
    }

    /**
     * Asks {@code danubia:imports -n 1} until the newest run satisfies {@code until}: the next question once the
     * answer is there (or after a second without one), so that a slow console does not queue up stale answers.
     */
    private static Progress poll(KarafConsole console, Watch watch, Duration timeout, String what, Predicate<Progress> until)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Progress p = watch.latest;
            if (p != null && p.source().endsWith(FILE) && until.test(p)) {
                return p;
            }
            if (!console.isAlive()) {
                throw new AssertionError("the console closed while waiting for " + what + ":\n" + console.tail(20));
            }
            long answers = watch.lines;
            console.send("danubia:imports -n 1");
            long asked = System.nanoTime();
            do {
                TimeUnit.MILLISECONDS.sleep(10);
            } while (watch.lines == answers && System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(1));
        }
        throw new AssertionError("timed out waiting for " + what + "; last seen " + watch.latest + ":\n" + console.tail(20));
    }

    // ---- the log -----------------------------------------------------------------------------

    private static Path log() {
        return danubia.home().resolve("data/log/karaf.log");
    }

    private static long logSize() throws IOException {
        return Files.exists(log()) ? Files.size(log()) : 0;
    }

    private static void awaitLog(long from, String what, Duration timeout, Predicate<String> line) {
        await(what + " in karaf.log", timeout, () -> {
            try (var in = Files.newInputStream(log())) {
                in.skip(Files.size(log()) < from ? 0 : from);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().anyMatch(line);
            }
        });
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration timeout, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                last = notYet;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : " (last error: " + last + ")"));
    }

    // ---- the database file -------------------------------------------------------------------

    /**
     * The H2 database of {@code etc/org.ops4j.datasource-danubia.cfg} ({@code ${karaf.data}/danubia/danubia}), opened
     * with the H2 driver the distribution ships, while Karaf is stopped.
     */
    private static Connection database() throws Exception {
        Path home = danubia.home();
        String cfg = Files.readString(home.resolve("etc/org.ops4j.datasource-danubia.cfg"));
        Matcher url = Pattern.compile("(?m)^\\s*url\\s*=\\s*(jdbc:h2:\\S+)").matcher(cfg);
        assertTrue("the distribution's default database is H2: " + cfg, url.find());
        if (h2 == null) {
            Path jar;
            try (Stream<Path> jars = Files.walk(home.resolve("system/com/h2database/h2"))) {
                jar = jars.filter(p -> p.getFileName().toString().matches("h2-[\\d.]+\\.jar")).findFirst().orElseThrow();
            }
            h2 = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }
        Driver driver = (Driver) h2.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
        String jdbc = url.group(1).replace("${karaf.data}", home.resolve("data").toString());
        Connection c = driver.connect(jdbc, new Properties());
        assertNotNull("no connection to " + jdbc, c);
        return c;
    }

    /** Empties what the connector wrote, with Karaf stopped, and clears the drop directory. */
    private static void emptyTheIngestStore() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ingest_companies WHERE source = '" + CONNECTOR + "'");
            s.executeUpdate("DELETE FROM ingest_dead_letters WHERE source = '" + CONNECTOR + "'");
            s.executeUpdate("DELETE FROM ingest_runs WHERE connector = '" + CONNECTOR + "'");
        }
        for (Path dir : List.of(drop, drop.resolve(".done"), drop.resolve(".failed"))) {
            Files.deleteIfExists(dir.resolve(FILE));
        }
    }

    private static List<String> strings(Connection c, String sql, Object... params) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Map<String, Object> row(Connection c, String sql, Object... params) throws Exception {
        List<Map<String, Object>> rows = rows(c, sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof java.time.OffsetDateTime o) {
                        v = Timestamp.from(o.toInstant());
                    }
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), v);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws Exception {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
