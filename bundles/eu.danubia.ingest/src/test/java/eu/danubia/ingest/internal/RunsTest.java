package eu.danubia.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.ingest.ImportRun;
import eu.danubia.store.Database;
import eu.danubia.store.testing.MutableClock;

/** Import-run bookkeeping, on H2 and on PostgreSQL. */
class RunsTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aRunIsRunningUntilFinishedWithItsCounts(Database db) {
        MutableClock clock = new MutableClock(START);
        IngestStore store = new IngestStore(db, clock);

        UUID run = store.startRun("cz-ares", "https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/26168685");
        assertThat(store.runs(10)).singleElement().isEqualTo(new ImportRun(run, "cz-ares",
                "https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/26168685", START, null, "RUNNING",
                0, 0, 0, 0, null));

        clock.advance(Duration.ofSeconds(3));
        store.finishRun(run, 120, 100, 15, 5, null);

        assertThat(store.runs(10)).singleElement().isEqualTo(new ImportRun(run, "cz-ares",
                "https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/26168685", START,
                START.plusSeconds(3), "DONE", 120, 100, 15, 5, null));
        assertThatThrownBy(() -> store.finishRun(run, 1, 1, 0, 0, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.finishRun(UUID.randomUUID(), 1, 1, 0, 0, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.finishRun(run, -1, 0, 0, 0, null)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aRunThatCouldNotReadItsDocumentFailsWithTheReason(Database db) {
        IngestStore store = new IngestStore(db, new MutableClock(START));
        UUID run = store.startRun("ro-onrc", "od_firme.csv");
        store.finishRun(run, 0, 0, 0, 0, "Malformed input: the file is not UTF-8 " + "x".repeat(3000));

        ImportRun failed = store.runs(1).get(0);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.error()).startsWith("Malformed input").hasSize(IngestStore.ERROR_MAX);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void runsAreListedNewestFirst(Database db) {
        MutableClock clock = new MutableClock(START);
        IngestStore store = new IngestStore(db, clock);
        UUID first = store.startRun("eurostat", "nama_10r_3empers.tsv");
        // the same instant: the order of starting decides
        UUID second = store.startRun("eurostat", "nama_10r_3empers.tsv");
        clock.advance(Duration.ofMinutes(1));
        UUID third = store.startRun("sk-ruz", "uctovne-jednotky?zmenene-od=2025-02-28");

        assertThat(store.runs(10)).extracting(ImportRun::id).containsExactly(third, second, first);
        assertThat(store.runs(2)).extracting(ImportRun::id).containsExactly(third, second);
        assertThatThrownBy(() -> store.runs(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.runs(IngestStore.LIMIT_MAX + 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.startRun("Eurostat!", "x")).isInstanceOf(ValidationException.class);
        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
    }
}
