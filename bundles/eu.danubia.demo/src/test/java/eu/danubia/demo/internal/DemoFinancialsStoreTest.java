package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.ingest.internal.IngestStore;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/** The demo financial data through the real ingest store, on H2 and PostgreSQL: stored once, unchanged after. */
class DemoFinancialsStoreTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void storedOnceAndUnchangedTheSecondTime(Database database) {
        IngestStore ingest = new IngestStore(database);
        ClassLoader loader = DemoFinancialsStoreTest.class.getClassLoader();
        long start = System.nanoTime();
        DemoFinancials.Data data = DemoFinancials.generate(DemoDataSet.fromClasspath(loader),
                ReferenceData.fromClasspath(loader).nuts());
        long generated = System.nanoTime();
        DemoFinancials.Result first = DemoFinancials.store(ingest, data);
        long stored = System.nanoTime();

        assertThat(first.companiesStored()).isEqualTo(data.companies().size());
        assertThat(first.statementsStored()).isEqualTo(data.statements().size());
        assertThat(first.companiesUnchanged() + first.statementsUnchanged()).isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM ingest_companies WHERE source = 'demo'"))
                .isEqualTo(data.companies().size());
        assertThat(count(database, "SELECT COUNT(*) FROM ingest_financials WHERE source = 'demo'"))
                .isEqualTo(data.statements().size());
        assertThat(count(database, "SELECT COUNT(*) FROM ingest_financials WHERE source = 'demo' "
                + "AND national_id = '188421041' AND fiscal_year BETWEEN 2019 AND 2023")).isEqualTo(5);

        DemoFinancials.Result second = DemoFinancials.store(ingest,
                DemoFinancials.generate(DemoDataSet.fromClasspath(loader), ReferenceData.fromClasspath(loader).nuts()));
        long again = System.nanoTime();
        assertThat(second.stored()).isZero();
        assertThat(second.companiesUnchanged()).isEqualTo(data.companies().size());
        assertThat(second.statementsUnchanged()).isEqualTo(data.statements().size());

        System.out.printf("demo financial data on %s: %d companies, %d statements; generated in %d ms, "
                + "first store %d ms, second store (unchanged) %d ms%n", database, data.companies().size(),
                data.statements().size(), TimeUnit.NANOSECONDS.toMillis(generated - start),
                TimeUnit.NANOSECONDS.toMillis(stored - generated), TimeUnit.NANOSECONDS.toMillis(again - stored));
    }

    private static long count(Database db, String sql) {
        Long n = db.read(c -> Jdbc.count(c, sql));
        return n;
    }
}
