package eu.danubia.ingest.internal;

import static eu.danubia.api.ingest.IngestService.Outcome.STORED;
import static eu.danubia.api.ingest.IngestService.Outcome.UNCHANGED;
import static eu.danubia.ingest.internal.Fixture.positions;
import static eu.danubia.ingest.internal.Fixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ValidationException;
import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.IngestService.Outcome;
import eu.danubia.api.ingest.RegionStat;
import eu.danubia.ingest.internal.Fixture.Positioned;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.testing.MutableClock;

/** Storing records idempotently, each on H2 and on PostgreSQL. */
class IngestStoreTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    private static IngestStore store(Database db, MutableClock clock) {
        return new IngestStore(db, clock);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void reimportingTheSameCompaniesChangesNothing(Database db) {
        MutableClock clock = new MutableClock(START);
        IngestStore store = store(db, clock);
        List<Positioned<CompanyRecord>> companies = Fixture.companies();

        for (Positioned<CompanyRecord> c : companies) {
            assertThat(store.company(c.record(), c.position())).isEqualTo(STORED);
        }
        clock.advance(Duration.ofDays(1));
        for (Positioned<CompanyRecord> c : companies) {
            assertThat(store.company(c.record(), c.position())).isEqualTo(UNCHANGED);
        }

        assertThat(rows(db, "ingest_companies")).isEqualTo(companies.size());
        for (Positioned<CompanyRecord> c : companies) {
            assertThat(storedCompany(db, c.record().source(), c.record().nationalId())).isEqualTo(c.record());
        }
        // an unchanged record is not written: its times are those of the first import
        List<Instant> changed = db.read(c -> Jdbc.query(c, "SELECT DISTINCT last_changed FROM ingest_companies",
                rs -> Jdbc.instant(rs, "last_changed")));
        assertThat(changed).containsExactly(START);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aChangedNameIsStoredAndTheRestStaysUnchanged(Database db) {
        MutableClock clock = new MutableClock(START);
        IngestStore store = store(db, clock);
        List<Positioned<CompanyRecord>> companies = Fixture.companies();
        store.companies(records(companies), positions(companies));
        clock.advance(Duration.ofDays(1));

        List<CompanyRecord> next = new ArrayList<>(records(companies));
        CompanyRecord seznam = next.get(0);
        next.set(0, Fixture.renamed(seznam, "Seznam.cz, a.s. v likvidaci"));
        List<String> nextPositions = new ArrayList<>(positions(companies));
        nextPositions.set(0, "ekonomicke-subjekty-26168685.json (2025-03-02) $");
        List<Outcome> outcomes = store.companies(next, nextPositions);

        assertThat(outcomes.get(0)).isEqualTo(STORED);
        assertThat(outcomes.subList(1, outcomes.size())).containsOnly(UNCHANGED);
        assertThat(storedCompany(db, "cz-ares", "26168685").name()).isEqualTo("Seznam.cz, a.s. v likvidaci");
        Map<String, Object> row = db.read(c -> Jdbc.one(c, "SELECT source_position, first_seen, last_changed FROM ingest_companies"
                + " WHERE source = 'cz-ares' AND national_id = '26168685'",
                rs -> Map.<String, Object>of("position", rs.getString(1), "first", Jdbc.instant(rs, "first_seen"),
                        "changed", Jdbc.instant(rs, "last_changed"))).orElseThrow());
        assertThat(row).containsEntry("position", "ekonomicke-subjekty-26168685.json (2025-03-02) $")
                .containsEntry("first", START).containsEntry("changed", START.plus(Duration.ofDays(1)));
        assertThat(rows(db, "ingest_companies")).isEqualTo(companies.size());

        // back to the old name is a change again
        assertThat(store.company(seznam, "later $")).isEqualTo(STORED);
        assertThat(storedCompany(db, "cz-ares", "26168685")).isEqualTo(seznam);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everyFieldTakesPartInTheChangeTest(Database db) {
        IngestStore store = store(db, new MutableClock(START));
        CompanyRecord r = Fixture.companies().get(0).record();
        store.company(r, "p");
        List<CompanyRecord> variants = List.of(
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", r.naceCodes(), r.street(), r.city(), r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn()),
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("62.01"), r.street(), r.city(), r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn()),
                // the order of the NACE codes is content: the first is the main activity
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), r.street(), r.city(), r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn()),
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), null, r.city(), r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn()),
                // empty and absent are different
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), "", r.city(), r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn()),
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), "", "Brno", r.postalCode(), r.country(), r.nutsCode(), r.status(), r.foundedOn()),
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), "", "Brno", "60200", r.country(), r.nutsCode(), r.status(), r.foundedOn()),
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), "", "Brno", "60200", r.country(), "CZ064", r.status(), r.foundedOn()),
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), "", "Brno", "60200", r.country(), "CZ064", "TERMINATED", r.foundedOn()),
                new CompanyRecord(r.source(), r.nationalId(), r.name(), "112", List.of("63.12", "62.01"), "", "Brno", "60200", r.country(), "CZ064", "TERMINATED", null));
        for (CompanyRecord v : variants) {
            assertThat(store.company(v, "p")).as(v.toString()).isEqualTo(STORED);
            assertThat(storedCompany(db, r.source(), r.nationalId())).isEqualTo(v);
            assertThat(store.company(v, "p")).as(v.toString()).isEqualTo(UNCHANGED);
        }
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void financialStatementsAreKeyedByYearAndCompareAmountsByValue(Database db) {
        IngestStore store = store(db, new MutableClock(START));
        List<Positioned<FinancialStatement>> statements = Fixture.financials();
        assertThat(store.financials(records(statements), positions(statements))).containsOnly(STORED).hasSize(statements.size());
        for (Positioned<FinancialStatement> s : statements) {
            assertThat(store.financials(s.record(), s.position())).isEqualTo(UNCHANGED);
        }
        assertThat(rows(db, "ingest_financials")).isEqualTo(statements.size());

        FinancialStatement f = statements.get(0).record();
        // 1234.50 and 1234.5 are the same amount, as the database keeps it
        FinancialStatement rescaled = new FinancialStatement(f.source(), f.nationalId(), f.year(), f.currency(),
                f.turnover().setScale(4), f.employees(), f.profitLoss(), f.assets(), f.equity(), f.exports(), f.eurRate());
        assertThat(store.financials(rescaled, "other file line 9")).isEqualTo(UNCHANGED);
        // a missing figure is not zero
        FinancialStatement noExports = new FinancialStatement(f.source(), f.nationalId(), f.year(), f.currency(),
                f.turnover(), f.employees(), f.profitLoss(), f.assets(), f.equity(), null, f.eurRate());
        assertThat(store.financials(noExports, "p")).isEqualTo(STORED);
        FinancialStatement stored = db.read(c -> Jdbc.one(c, "SELECT turnover, exports, eur_rate, employees FROM ingest_financials"
                + " WHERE source = ? AND national_id = ? AND fiscal_year = ?",
                rs -> new FinancialStatement(f.source(), f.nationalId(), f.year(), f.currency(), rs.getBigDecimal(1),
                        (Integer) rs.getObject(4), null, null, null, rs.getBigDecimal(2), rs.getBigDecimal(3)),
                f.source(), f.nationalId(), f.year()).orElseThrow());
        assertThat(stored.turnover()).isEqualByComparingTo(f.turnover());
        assertThat(stored.exports()).isNull();
        assertThat(stored.eurRate()).isEqualByComparingTo(f.eurRate());
        assertThat(stored.employees()).isEqualTo(f.employees());
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void regionalStatisticsKeepMissingValuesAndFlags(Database db) {
        IngestStore store = store(db, new MutableClock(START));
        List<Positioned<RegionStat>> stats = Fixture.regionStats();
        assertThat(stats).hasSize(20 * 28);
        assertThat(store.regionStats(records(stats), positions(stats))).containsOnly(STORED);
        assertThat(store.regionStats(records(stats), positions(stats))).containsOnly(UNCHANGED);
        assertThat(rows(db, "ingest_region_stats")).isEqualTo(stats.size());

        // DE234, 1995 is ':' (missing); 2020 is '3.16 p' (provisional)
        assertThat(cell(db, 1995)).isEqualTo("null|");
        assertThat(cell(db, 2020)).isEqualTo("3.16|p");

        // Eurostat revises: the provisional figure becomes final
        RegionStat revised = new RegionStat("nama_10r_3empers", "DE234", "F", "THS_SAL", 2020, new BigDecimal("3.16"), "");
        assertThat(store.regionStat(revised, "revision line 2")).isEqualTo(STORED);
        RegionStat filled = new RegionStat("nama_10r_3empers", "DE234", "F", "THS_SAL", 1995, new BigDecimal("2.9"), null);
        assertThat(store.regionStat(filled, "revision line 2")).isEqualTo(STORED);
        assertThat(store.regionStat(filled, "revision line 2")).isEqualTo(UNCHANGED);
        assertThat(rows(db, "ingest_region_stats")).isEqualTo(stats.size());
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aBatchAnswersWhatTheSingleCallsWouldHaveAnswered(Database db) {
        IngestStore store = store(db, new MutableClock(START));
        List<CompanyRecord> real = records(Fixture.companies());
        // a stored record, the same again, a change, a change back, the same key twice in one batch ...
        List<CompanyRecord> first = List.of(real.get(0), real.get(1), real.get(2));
        List<CompanyRecord> second = List.of(real.get(0), Fixture.renamed(real.get(1), "X"), real.get(3),
                Fixture.renamed(real.get(3), "Y"), real.get(3), Fixture.renamed(real.get(1), "X"), real.get(1), real.get(4),
                real.get(4), Fixture.renamed(real.get(2), "Z"), real.get(2));

        List<Outcome> single = new ArrayList<>();
        List<Outcome> blind = new ArrayList<>();
        List<Outcome> readFirst = new ArrayList<>();
        for (List<CompanyRecord> round : List.of(first, second)) {
            for (CompanyRecord r : round) {
                single.add(store.company(Fixture.fromSource(r, "single"), "p"));
            }
            blind.addAll(batch(db, round, "blind", false));
            readFirst.addAll(batch(db, round, "read-first", true));
        }

        assertThat(single).containsExactly(STORED, STORED, STORED,
                UNCHANGED, STORED, STORED, STORED, STORED, UNCHANGED, STORED, STORED, UNCHANGED, STORED, STORED);
        assertThat(blind).isEqualTo(single);
        assertThat(readFirst).isEqualTo(single);
        List<CompanyRecord> expected = companiesOf(db, "single");
        assertThat(expected).hasSize(5);
        assertThat(companiesOf(db, "blind")).isEqualTo(expected.stream().map(r -> Fixture.fromSource(r, "blind")).toList());
        assertThat(companiesOf(db, "read-first")).isEqualTo(expected.stream().map(r -> Fixture.fromSource(r, "read-first")).toList());
    }

    /** One batch through the given path of the upsert. */
    private static List<Outcome> batch(Database db, List<CompanyRecord> records, String source, boolean readFirst) {
        List<CompanyRecord> renamed = records.stream().map(r -> Fixture.fromSource(r, source)).toList();
        return List.of(db.transaction(c -> Upsert.store(c, Tables.COMPANIES, renamed, Collections.nCopies(renamed.size(), "p"),
                START, readFirst)));
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aCrashMidImportFollowedByAReimportLeavesOneRowPerKey(Database db) {
        IngestStore store = store(db, new MutableClock(START));
        List<CompanyRecord> many = new ArrayList<>();
        for (CompanyRecord r : records(Fixture.companies())) {
            for (int i = 0; i < 250; i++) {
                many.add(Fixture.withId(r, r.nationalId() + "-" + i));
            }
        }
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < many.size(); i++) {
            positions.add("file line " + (i + 1));
        }
        int half = many.size() / 2;
        // the first batches were committed before the crash ...
        store.companies(many.subList(0, half), positions.subList(0, half));
        // ... the next one was cut off inside its transaction
        assertThatThrownBy(() -> db.transaction(c -> {
            Upsert.store(c, Tables.COMPANIES, many.subList(half, many.size() - 10), positions.subList(half, many.size() - 10), START, false);
            throw new SQLException("connection reset");
        })).hasMessageContaining("transaction failed");
        assertThat(rows(db, "ingest_companies")).isEqualTo(half);

        List<Outcome> again = store.companies(many, positions);

        assertThat(again.subList(0, half)).containsOnly(UNCHANGED);
        assertThat(again.subList(half, many.size())).containsOnly(STORED);
        assertThat(rows(db, "ingest_companies")).isEqualTo(many.size());
        long distinct = db.read(c -> Jdbc.count(c, "SELECT COUNT(DISTINCT national_id) FROM ingest_companies"));
        assertThat(distinct).isEqualTo(many.size());

        // and once more, reading first (250 ids of a source take three hash queries), with one change
        List<CompanyRecord> changed = new ArrayList<>(many);
        changed.set(700, Fixture.renamed(many.get(700), "renamed"));
        List<Outcome> third = List.of(db.transaction(c -> Upsert.store(c, Tables.COMPANIES, changed, positions, START, true)));
        assertThat(third.get(700)).isEqualTo(STORED);
        assertThat(third).filteredOn(UNCHANGED::equals).hasSize(many.size() - 1);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void invalidRecordsAreRefusedWithEveryFieldError(Database db) {
        IngestStore store = store(db, new MutableClock(START));
        CompanyRecord r = Fixture.companies().get(0).record();
        CompanyRecord bad = new CompanyRecord("CZ ARES", " ", "", null, List.of("62.01", "J62", "620"), null, null, null,
                "Czechia", "SK010", null, START.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusYears(1));

        ValidationException e = catchThrowableOfType(() -> store.company(bad, ""), ValidationException.class);
        assertThat(e.errors()).containsOnlyKeys("source", "nationalId", "name", "naceCodes", "country", "foundedOn",
                "sourcePosition");

        CompanyRecord wrongRegion = new CompanyRecord(r.source(), r.nationalId(), r.name(), r.legalForm(), r.naceCodes(),
                r.street(), r.city(), r.postalCode(), "CZ", "SK010", r.status(), r.foundedOn());
        assertThat(catchThrowableOfType(() -> store.company(wrongRegion, "p"), ValidationException.class).errors())
                .containsOnlyKeys("nutsCode");

        // one invalid record refuses the whole batch, and says which
        ValidationException batch = catchThrowableOfType(() -> store.companies(List.of(r, wrongRegion, r), List.of("a", "b", "c")),
                ValidationException.class);
        assertThat(batch.errors()).containsOnlyKeys("[1].nutsCode");
        assertThat(rows(db, "ingest_companies")).isZero();

        FinancialStatement f = new FinancialStatement("sk-ruz", "30845572", 1989, "EURO", null, -3, null,
                new BigDecimal("1E+21"), null, null, BigDecimal.ZERO);
        assertThat(catchThrowableOfType(() -> store.financials(f, "p"), ValidationException.class).errors())
                .containsOnlyKeys("year", "currency", "employees", "assets", "eurRate");
        RegionStat s = new RegionStat("nama_10r_3empers", "EU27_2020", "", "THS", 2021, null, "p ");
        assertThat(catchThrowableOfType(() -> store.regionStat(s, "p"), ValidationException.class).errors())
                .containsOnlyKeys("nutsCode", "nace", "flag");
        assertThatThrownBy(() -> store.company(Fixture.renamed(r, "Nul\u0000Byte"), "p")).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void rejectingTheSamePositionAgainKeepsOneDeadLetter(Database db) {
        MutableClock clock = new MutableClock(START);
        IngestStore store = store(db, clock);
        // an ONRC row with unbalanced quotes (shared/data/README.md)
        String payload = "\"LEMNLIND\" SRL^13735411^J14/33/2001";
        store.reject("ro-onrc", "od_firme.csv line 42", payload, "unbalanced quote");
        clock.advance(Duration.ofMinutes(1));
        store.reject("ro-onrc", "od_firme.csv line 42", payload, "unbalanced quote");
        assertThat(store.deadLetters("ro-onrc", 10)).singleElement().satisfies(d -> {
            assertThat(d.payload()).isEqualTo(payload);
            assertThat(d.rejectedAt()).isEqualTo(START);
        });

        clock.advance(Duration.ofMinutes(1));
        store.reject("ro-onrc", "od_firme.csv line 42", payload, "name: is required");
        store.reject("ro-onrc", "od_firme.csv line 43", null, "empty line");
        store.reject("cz-ares", "od_firme.csv line 42", "x".repeat(5000), "too long");

        assertThat(store.deadLetters("ro-onrc", 10)).extracting(DeadLetter::sourcePosition, DeadLetter::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("od_firme.csv line 43", "empty line"),
                        org.assertj.core.groups.Tuple.tuple("od_firme.csv line 42", "name: is required"));
        assertThat(store.deadLetters("ro-onrc", 1)).hasSize(1);
        assertThat(store.deadLetters(null, 10)).hasSize(3);
        assertThat(store.deadLetters("cz-ares", 10).get(0).payload()).hasSize(IngestStore.PAYLOAD_MAX);
        assertThat(rows(db, "ingest_dead_letters")).isEqualTo(3);
        assertThatThrownBy(() -> store.deadLetters(null, 0)).isInstanceOf(ValidationException.class);

        // a position longer than the column is shortened, not refused, and still one row per position
        String longPosition = "https://registeruz.sk/cruz-public/api/uctovne-jednotky?" + "zmenene-od=2000-01-01&".repeat(40) + " record 7";
        store.reject("sk-ruz", longPosition, "{}", "ico missing");
        store.reject("sk-ruz", longPosition, "{}", "ico missing");
        assertThat(store.deadLetters("sk-ruz", 10)).singleElement()
                .satisfies(d -> assertThat(d.sourcePosition()).hasSize(500).endsWith(" record 7"));
        assertThatThrownBy(() -> store.reject("ro-onrc", "line 1", "x", " ")).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void countsPerSource(Database db) {
        IngestStore store = store(db, new MutableClock(START));
        List<Positioned<CompanyRecord>> companies = Fixture.companies();
        store.companies(records(companies), positions(companies));
        List<Positioned<FinancialStatement>> statements = Fixture.financials();
        store.financials(records(statements), positions(statements));
        List<Positioned<RegionStat>> stats = Fixture.regionStats();
        store.regionStats(records(stats), positions(stats));
        store.reject("ua-edr", "edr.json $[7]", "{}", "EDRPOU missing");

        assertThat(store.counts()).containsExactly(
                new SourceCounts("cz-ares", 1, 2, 0, 0),
                new SourceCounts("nama_10r_3empers", 0, 0, 560, 0),
                new SourceCounts("sk-ruz", 2, 4, 0, 0),
                new SourceCounts("ua-edr", 2, 4, 0, 1));
    }

    /** Value and flag of DE234, NACE F, salaried, in the year. */
    private static String cell(Database db, int year) {
        return db.read(c -> Jdbc.one(c, "SELECT obs_value, flag FROM ingest_region_stats WHERE nuts_code = 'DE234'"
                + " AND nace = 'F' AND unit = 'THS_SAL' AND ref_year = ?", rs -> {
                    BigDecimal v = rs.getBigDecimal(1);
                    return (v == null ? "null" : v.stripTrailingZeros().toPlainString()) + "|" + rs.getString(2);
                }, year).orElseThrow());
    }

    private static long rows(Database db, String table) {
        return db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM " + table));
    }

    private static CompanyRecord storedCompany(Database db, String source, String nationalId) {
        return db.read(c -> Jdbc.one(c, "SELECT * FROM ingest_companies WHERE source = ? AND national_id = ?",
                IngestStoreTest::company, source, nationalId).orElseThrow());
    }

    private static List<CompanyRecord> companiesOf(Database db, String source) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM ingest_companies WHERE source = ? ORDER BY national_id",
                IngestStoreTest::company, source));
    }

    private static CompanyRecord company(java.sql.ResultSet rs) throws SQLException {
        return new CompanyRecord(rs.getString("source"), rs.getString("national_id"), rs.getString("name"),
                rs.getString("legal_form"), Tables.naceCodes(rs.getString("nace_codes")), rs.getString("street"),
                rs.getString("city"), rs.getString("postal_code"), rs.getString("country"), rs.getString("nuts_code"),
                rs.getString("status"), Jdbc.date(rs, "founded_on"));
    }
}
