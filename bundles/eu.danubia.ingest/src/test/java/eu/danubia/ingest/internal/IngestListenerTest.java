package eu.danubia.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.IngestChange;
import eu.danubia.api.ingest.IngestChange.CompanyKey;
import eu.danubia.api.ingest.IngestService.Outcome;
import eu.danubia.api.ingest.RegionStat;
import eu.danubia.store.Database;
import eu.danubia.store.testing.MutableClock;

/** The store tells its listeners what a committed write stored, and only that. */
class IngestListenerTest {

    private static CompanyRecord company(String id, String name) {
        return new CompanyRecord("ro-onrc", id, name, "SRL", List.of("62.01"), null, "Cluj-Napoca", null, "RO", "RO113",
                "ACTIVE", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void listenersHearStoredRecordsOnlyAndAFailingListenerDoesNotFailTheImport(Database db) {
        IngestStore store = new IngestStore(db, new MutableClock(Instant.parse("2025-03-01T08:00:00Z")));
        List<IngestChange> heard = new CopyOnWriteArrayList<>();
        store.addListener(change -> {
            throw new IllegalStateException("broken listener");
        });
        store.addListener(heard::add);

        assertThat(store.companies(List.of(company("100", "Alpha SRL"), company("200", "Beta SRL")), List.of("l1", "l2")))
                .containsExactly(Outcome.STORED, Outcome.STORED);
        assertThat(heard).containsExactly(new IngestChange(
                java.util.Set.of(new CompanyKey("ro-onrc", "100"), new CompanyKey("ro-onrc", "200")), java.util.Set.of()));

        // one changed, one the same: only the changed one is announced
        heard.clear();
        store.companies(List.of(company("100", "Alpha Renamed SRL"), company("200", "Beta SRL")), List.of("l1", "l2"));
        assertThat(heard).singleElement().satisfies(c -> assertThat(c.companies()).containsExactly(new CompanyKey("ro-onrc", "100")));

        // nothing stored: nothing announced
        heard.clear();
        store.company(company("200", "Beta SRL"), "l2");
        assertThat(heard).isEmpty();

        store.financials(new FinancialStatement("ro-anaf", "100", 2023, "RON", new BigDecimal("1000"), 5, null, null, null,
                null, new BigDecimal("0.2")), "f1");
        store.regionStat(new RegionStat("nama_10r_3empers.wstatus.EMP", "RO411", "F", "THS", 2021, new BigDecimal("14.04"), "p"), "r1");
        assertThat(heard).containsExactly(
                new IngestChange(java.util.Set.of(new CompanyKey("ro-anaf", "100")), java.util.Set.of()),
                new IngestChange(java.util.Set.of(), java.util.Set.of("nama_10r_3empers.wstatus.EMP")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aRemovedListenerHearsNothing(Database db) {
        IngestStore store = new IngestStore(db);
        List<IngestChange> heard = new CopyOnWriteArrayList<>();
        eu.danubia.api.ingest.IngestListener listener = heard::add;
        store.addListener(listener);
        store.removeListener(listener);
        store.company(company("300", "Gamma SRL"), "l3");
        assertThat(heard).isEmpty();
    }
}
