package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.testing.TestDatabases;

/** The component as DS would start it: reference data into the database, then the demo data, in its own thread. */
class DemoComponentTest {

    private static DemoConfig config(String password) {
        return new DemoConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoConfig.class;
            }

            @Override
            public String password() {
                return password;
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

    private static long count(Database db, String sql) {
        Long n = db.read(c -> Jdbc.count(c, sql));
        return n;
    }
}
