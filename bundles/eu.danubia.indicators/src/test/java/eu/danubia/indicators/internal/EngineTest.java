package eu.danubia.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.NationalId;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.security.Caller;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.indicators.internal.IndicatorRepository.Rollup;
import eu.danubia.ingest.internal.IngestStore;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.testing.TestData;

/** Facts from ingest records, the rollup by deltas and the version, on H2 and PostgreSQL. */
class EngineTest {

    static CompanyRecord company(String source, String id, String country, String nuts, String... nace) {
        return new CompanyRecord(source, id, "Company " + id, null, List.of(nace), null, null, null, country, nuts, "ACTIVE", null);
    }

    static FinancialStatement statement(String source, String id, int year, String currency, String turnover, Integer employees,
            String rate) {
        return new FinancialStatement(source, id, year, currency, turnover == null ? null : new BigDecimal(turnover), employees,
                null, null, null, null, rate == null ? null : new BigDecimal(rate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void factsFromIngestRecords(Database db) {
        IngestStore ingest = new IngestStore(db);
        DirectoryServiceImpl directory = new DirectoryServiceImpl(db);
        UUID association = TestData.association(db, "somes");
        IndicatorEngine engine = IndicatorEngine.manual(db);
        ingest.addListener(engine);

        // a Romanian company in RON: 5 000 000 RON / 5 RON per EUR = 1 000 000 EUR
        ingest.company(company("ro-onrc", "188421041", "RO", "RO113", "62.01"), "p1");
        ingest.financials(statement("ro-anaf", "188421041", 2023, "RON", "5000000", 20, "5"), "p2");
        // a second source for the same company-year, changed later: it wins (4 500 000 RON = 900 000 EUR)
        ingest.financials(statement("ro-csv", "188421041", 2023, "RON", "4500000", 18, "5"), "p3");
        db.transaction(c -> Jdbc.update(c, "UPDATE ingest_financials SET last_changed = ? WHERE source = ?",
                Instant.now().plusSeconds(1), "ro-csv"));
        // a statement in EUR without a rate counts 1:1; one in CZK without a rate has no EUR turnover
        ingest.financials(statement("sk-ruz", "36421201", 2023, "EUR", "700000", 7, null), "p4");
        ingest.financials(statement("cz-ares", "26168685", 2023, "CZK", "900000", 3, null), "p5");
        // no company record for the Slovak statement: country from the source prefix, region and
        // NACE from the directory organisation linked by SK-ICO
        Organisation linked = directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, "Bratislava Soft s.r.o.",
                OrganisationType.BUSINESS, "SK", "SK010", null, List.of("58.29"), SizeClass.MICRO,
                List.of(new NationalId("SK-ICO", "36421201")), null, null, Visibility.PUBLIC, null, null));
        assertThat(engine.drain()).isEqualTo(3);
        // the organisation was linked after the statement came: the catch-up picks the link up
        engine.catchUp();

        List<Fact> facts = engine.repository().database().read(c -> engine.repository().facts(c,
                List.of("188421041", "36421201", "26168685")));
        assertThat(facts).hasSize(3);
        Fact ro = facts.stream().filter(f -> f.country().equals("RO")).findFirst().orElseThrow();
        assertThat(ro.source()).isEqualTo("ro-csv");
        assertThat(ro.turnoverEur()).isEqualByComparingTo("900000");
        assertThat(ro.employees()).isEqualTo(18);
        assertThat(ro.region()).isEqualTo("RO113");
        assertThat(ro.division()).isEqualTo("62");
        Fact sk = facts.stream().filter(f -> f.country().equals("SK")).findFirst().orElseThrow();
        assertThat(sk.turnoverEur()).isEqualByComparingTo("700000");
        assertThat(sk.region()).isEqualTo("SK010");
        assertThat(sk.division()).isEqualTo("58");
        assertThat(sk.organisationId()).isEqualTo(linked.id());
        Fact cz = facts.stream().filter(f -> f.country().equals("CZ")).findFirst().orElseThrow();
        assertThat(cz.turnoverEur()).as("no rate, not EUR: unknown").isNull();
        assertThat(cz.region()).as("no region known: the country").isEqualTo("CZ");
        assertThat(cz.division()).isEmpty();

        // the rollup of RO113, division 62 and the region total
        List<Rollup> ro113 = engine.repository().region("RO113");
        assertThat(ro113).extracting(Rollup::division).containsExactlyInAnyOrder("62", "*");
        assertThat(ro113.get(0).turnoverEur()).isEqualByComparingTo("900000");
        assertThat(ro113.get(0).productivityEur()).isEqualByComparingTo("50000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aCatchUpTakesTheCompaniesNotificationsQueuedBeforeEachOfItsBatches(Database db) {
        IngestStore ingest = new IngestStore(db);
        new DirectoryServiceImpl(db); // its tables: the catch-up reads linked organisations
        IndicatorEngine engine = IndicatorEngine.manual(db);
        engine.catchUp(); // sets the watermark
        // a fresh import, notified: queued, not yet processed (the manual engine has no thread)
        ingest.addListener(engine);
        ingest.company(company("ro-onrc", "188421041", "RO", "RO113", "62.01"), "p1");
        ingest.financials(statement("ro-anaf", "188421041", 2024, "RON", "5000000", 20, "5"), "p2");
        ingest.removeListener(engine);
        // keep it out of the catch-up's own set, which holds only a company changed later
        db.transaction(c -> Jdbc.update(c, "UPDATE ingest_financials SET last_changed = ? WHERE national_id = ?",
                Instant.now().minusSeconds(3600), "188421041"));
        db.transaction(c -> Jdbc.update(c, "UPDATE ingest_companies SET last_changed = ? WHERE national_id = ?",
                Instant.now().minusSeconds(3600), "188421041"));
        ingest.company(company("cz-ares", "26168685", "CZ", "CZ064", "62.01"), "p3");
        ingest.financials(statement("cz-ares", "26168685", 2024, "EUR", "900000", 3, null), "p4");

        engine.catchUp();

        List<Fact> facts = db.read(c -> engine.repository().facts(c, List.of("188421041", "26168685")));
        assertThat(facts).extracting(Fact::nationalId).containsExactlyInAnyOrder("188421041", "26168685");
        assertThat(engine.drain()).as("nothing left queued").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aCatchUpDoesNotReReadCompaniesWhoseLatestNotificationWasProcessed(Database db) {
        IngestStore ingest = new IngestStore(db);
        new DirectoryServiceImpl(db);
        IndicatorEngine engine = IndicatorEngine.manual(db);
        engine.catchUp(); // sets the watermark
        ingest.addListener(engine);
        ingest.company(company("ro-onrc", "188421041", "RO", "RO113", "62.01"), "p1");
        ingest.financials(statement("ro-anaf", "188421041", 2023, "RON", "5000000", 20, "5"), "p2");
        ingest.company(company("cz-ares", "26168685", "CZ", "CZ064", "62.01"), "p3");
        ingest.financials(statement("cz-ares", "26168685", 2023, "EUR", "900000", 3, null), "p4");
        assertThat(engine.drain()).isEqualTo(2);

        engine.catchUp();
        assertThat(engine.lastCatchUpCompanies()).as("both were processed after their latest notification").isZero();

        // a new statement notified but not processed yet: the catch-up re-reads that company, and only it
        ingest.financials(statement("cz-ares", "26168685", 2024, "EUR", "950000", 4, null), "p5");
        engine.catchUp();
        assertThat(engine.lastCatchUpCompanies()).isEqualTo(1);
        List<Fact> cz = db.read(c -> engine.repository().facts(c, List.of("26168685")));
        assertThat(cz).extracting(Fact::year).containsExactlyInAnyOrder(2023, 2024);

        // a fresh engine (a restart) knows no notification: its catch-up re-reads the whole window
        IndicatorEngine restarted = IndicatorEngine.manual(db);
        restarted.catchUp();
        assertThat(restarted.lastCatchUpCompanies()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void rollupEqualsAGroupByAfterRandomChangesAndTheVersionIncreases(Database db) {
        IngestStore ingest = new IngestStore(db);
        new DirectoryServiceImpl(db);
        IndicatorEngine engine = IndicatorEngine.manual(db);
        ingest.addListener(engine);
        Random random = new Random(42);
        String[] regions = {"RO111", "RO113", "HU110", "SK010", "UA"};
        String[] nace = {"62.01", "10.11", "29.10", "46.90"};
        long version = engine.repository().version();
        for (int round = 0; round < 12; round++) {
            List<CompanyRecord> records = new ArrayList<>();
            List<FinancialStatement> statements = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String id = "1000" + random.nextInt(40);
                String region = regions[random.nextInt(regions.length)];
                String country = region.substring(0, 2);
                records.add(company("x" + country.toLowerCase() + "-reg", id, country, region.length() == 2 ? null : region,
                        nace[random.nextInt(nace.length)]));
                statements.add(statement("x" + country.toLowerCase() + "-reg", id, 2019 + random.nextInt(5), "EUR",
                        random.nextInt(10) == 0 ? null : String.valueOf(10000 + random.nextInt(1_000_000)),
                        random.nextInt(10) == 0 ? null : random.nextInt(300), null));
            }
            // distinct keys per batch, as one import document would have them
            records = records.stream().filter(distinctBy(r -> r.source() + r.nationalId())).toList();
            statements = statements.stream().filter(distinctBy(s -> s.source() + s.nationalId() + s.year())).toList();
            ingest.companies(records, records.stream().map(r -> "r" + r.nationalId()).toList());
            ingest.financials(statements, statements.stream().map(s -> "f" + s.nationalId() + s.year()).toList());
            if (engine.drain() > 0) {
                long now = engine.repository().version();
                assertThat(now).isGreaterThan(version);
                version = now;
            }
            assertThat(rollup(db)).as("round " + round).isEqualTo(groupBy(db));
        }
        // recomputing the same data changes nothing and leaves the version alone
        assertThat(engine.rebuild()).isZero();
        assertThat(engine.repository().version()).isEqualTo(version);
        engine.recorded(null);
        assertThat(engine.repository().version()).isEqualTo(version + 1);
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        Set<Object> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    private static final String NORMAL = "region, division, fiscal_year, companies, employees, employee_companies,"
            + " CAST(turnover_eur AS DECIMAL(28,2)) t, turnover_companies, CAST(prod_turnover_eur AS DECIMAL(28,2)) p, prod_employees";

    static List<List<Object>> rollup(Database db) {
        return rows(db, "SELECT " + NORMAL + " FROM indicator_rollup");
    }

    static List<List<Object>> groupBy(Database db) {
        String sums = " COUNT(*) companies, COALESCE(SUM(employees), 0) employees, COUNT(employees) employee_companies,"
                + " COALESCE(SUM(turnover_eur), 0) turnover_eur, COUNT(turnover_eur) turnover_companies,"
                + " COALESCE(SUM(CASE WHEN employees > 0 AND turnover_eur IS NOT NULL THEN turnover_eur END), 0) prod_turnover_eur,"
                + " COALESCE(SUM(CASE WHEN employees > 0 AND turnover_eur IS NOT NULL THEN employees END), 0) prod_employees";
        return rows(db, "SELECT " + NORMAL + " FROM (SELECT region, division, fiscal_year," + sums
                + " FROM indicator_facts GROUP BY region, division, fiscal_year"
                + " UNION ALL SELECT region, '*' division, fiscal_year," + sums + " FROM indicator_facts GROUP BY region, fiscal_year) g");
    }

    private static List<List<Object>> rows(Database db, String sql) {
        List<List<Object>> out = db.read(c -> Jdbc.query(c, sql, rs -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7).stripTrailingZeros().toPlainString(), rs.getLong(8),
                rs.getBigDecimal(9).stripTrailingZeros().toPlainString(), rs.getLong(10))));
        return out.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
