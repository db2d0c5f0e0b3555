package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import eu.danubia.ingest.internal.IngestStore;

import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.testing.TestDatabases;

/** The component as DS would start it: reference data into the database, then the demo data, in its own thread. */
class DemoComponentTest {

    private static DemoConfig config(String password) {
        return config(password, true);
    }

    private static DemoConfig config(String password, boolean financials) {
        return new DemoConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoConfig.class;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public boolean financials() {
                return financials;
            }
        };
    }

    @Test
    void loadsEverythingOnceAndShowsGeneratedPasswordsOnlyThen() throws Exception {
        Database db = TestDatabases.h2();
        InMemoryAccounts accounts = new InMemoryAccounts();
        InMemoryDirectory directory = new InMemoryDirectory(accounts.associations.keySet());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        DemoComponent first = new DemoComponent(db, accounts, directory, config(""),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        DemoLoader.Result r = first.finished().get(60, TimeUnit.SECONDS);
        first.deactivate();

        assertThat(r.aborted()).isNull();
        assertThat(r.users().created()).isEqualTo(5);
        assertThat(count(db, "SELECT COUNT(*) FROM nuts_regions")).isEqualTo(1848);
        assertThat(count(db, "SELECT COUNT(*) FROM nace_codes")).isEqualTo(703);
        String shown = console.toString(StandardCharsets.UTF_8);
        for (var c : r.generated()) {
            assertThat(shown).contains(c.email()).contains(c.password());
        }

        console.reset();
        DemoComponent second = new DemoComponent(db, accounts, directory, config(""),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        DemoLoader.Result again = second.finished().get(60, TimeUnit.SECONDS);
        second.deactivate();

        assertThat(again.created()).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void writesTheFinancialDataThroughTheIngestServiceOnceAndNothingNewTheSecondTime() throws Exception {
        Database db = TestDatabases.h2();
        IngestStore ingest = new IngestStore(db);
        InMemoryAccounts accounts = new InMemoryAccounts();
        InMemoryDirectory directory = new InMemoryDirectory(accounts.associations.keySet());
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        DemoComponent first = new DemoComponent(db, accounts, directory, ingest, config(""), console);
        first.finished().get(60, TimeUnit.SECONDS);
        first.deactivate();
        DemoFinancials.Result written = first.financialsResult();
        assertThat(written.companiesStored()).isGreaterThan(3_000);
        assertThat(written.statementsStored()).isEqualTo(5 * written.companiesStored());
        assertThat(count(db, "SELECT COUNT(*) FROM ingest_financials WHERE source = 'demo' AND national_id = '188421041'"))
                .isEqualTo(5);

        DemoComponent second = new DemoComponent(db, accounts, directory, ingest, config(""), console);
        second.finished().get(60, TimeUnit.SECONDS);
        second.deactivate();
        assertThat(second.financialsResult().stored()).isZero();
        assertThat(second.financialsResult().statementsUnchanged()).isEqualTo(written.statementsStored());
    }

    @Test
    void anIngestServiceThatComesLaterGetsTheDataAndTheSwitchTurnsThemOff() throws Exception {
        Database db = TestDatabases.h2();
        InMemoryAccounts accounts = new InMemoryAccounts();
        InMemoryDirectory directory = new InMemoryDirectory(accounts.associations.keySet());
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        DemoComponent off = new DemoComponent(db, accounts, directory, new IngestStore(db), config("", false), console);
        off.finished().get(60, TimeUnit.SECONDS);
        off.bindIngest(new IngestStore(db));
        off.deactivate();
        assertThat(off.financialsResult()).isNull();
        assertThat(count(db, "SELECT COUNT(*) FROM ingest_companies")).isZero();

        // without the ingest feature the demo loads as before
        DemoComponent late = new DemoComponent(db, accounts, directory, config(""), console);
        assertThat(late.finished().get(60, TimeUnit.SECONDS).aborted()).isNull();
        assertThat(late.financialsResult()).isNull();
        late.bindIngest(new IngestStore(db));
        await().atMost(Duration.ofSeconds(60)).until(() -> late.financialsResult() != null);
        late.deactivate();
        assertThat(late.financialsResult().companiesStored()).isGreaterThan(3_000);
    }

    private static long count(Database db, String sql) {
        Long n = db.read(c -> Jdbc.count(c, sql));
        return n;
    }
}
