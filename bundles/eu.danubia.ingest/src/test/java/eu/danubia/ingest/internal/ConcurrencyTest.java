package eu.danubia.ingest.internal;

import static eu.danubia.api.ingest.IngestService.Outcome.STORED;
import static eu.danubia.api.ingest.IngestService.Outcome.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.IngestService.Outcome;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/**
 * Two importers writing the same keys at the same time (a scheduled pull overlapping a manual
 * re-import) end with one row per key, and neither fails.
 */
class ConcurrencyTest {

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void twoThreadsUpsertingOneKeyLeaveOneRow(Database db) throws Exception {
        IngestStore store = new IngestStore(db);
        CompanyRecord seznam = Fixture.companies().get(0).record();
        int rounds = 100;

        // both write the identical first version: exactly one of them stores it
        List<Outcome> first = both(thread -> store.company(seznam, "thread " + thread));
        assertThat(first).containsExactlyInAnyOrder(STORED, UNCHANGED);

        // then each its own names
        List<List<Outcome>> results = both(thread -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                outcomes.add(store.company(Fixture.renamed(seznam, "Seznam.cz " + thread + " " + i), "thread " + thread));
            }
            return outcomes;
        });

        assertThat(rows(db)).isEqualTo(1);
        // every name differs from the one before it in the same thread, and no call failed
        assertThat(results).allSatisfy(r -> assertThat(r).hasSize(rounds).containsOnly(STORED));
        String name = db.read(c -> Jdbc.one(c, "SELECT name FROM ingest_companies", rs -> rs.getString(1))).orElseThrow();
        assertThat(name).matches("Seznam\\.cz [01] " + rounds);
    }

    @ParameterizedTest
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void twoThreadsImportingTheSameBatchStoreEachRecordOnce(Database db) throws Exception {
        new IngestStore(db);
        List<CompanyRecord> batch = new ArrayList<>();
        for (CompanyRecord r : Fixture.records(Fixture.companies())) {
            for (int i = 0; i < 100; i++) {
                batch.add(Fixture.withId(r, r.nationalId() + "-" + i));
            }
        }
        List<String> positions = Collections.nCopies(batch.size(), "same file");

        for (boolean readFirst : List.of(false, true)) {
            String source = readFirst ? "read-first" : "blind";
            List<CompanyRecord> mine = batch.stream().map(r -> Fixture.fromSource(r, source)).toList();
            List<List<Outcome>> results = both(thread -> {
                // one thread goes through the batch backwards: key-ordered writes keep them from deadlocking
                List<CompanyRecord> ordered = new ArrayList<>(mine);
                if (thread == 1) {
                    Collections.reverse(ordered);
                }
                return List.of(db.transaction(c -> Upsert.store(c, Tables.COMPANIES, ordered, positions, Instant.now(), readFirst)));
            });

            long rows = db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM ingest_companies WHERE source = ?", source));
            assertThat(rows).as(source).isEqualTo(batch.size());
            long stored = results.stream().flatMap(List::stream).filter(STORED::equals).count();
            assertThat(stored).as(source).isEqualTo(batch.size());
        }
    }

    private static long rows(Database db) {
        return db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM ingest_companies"));
    }

    /** Runs the work on two threads released together; rethrows what either threw. */
    private static <T> List<T> both(ThreadWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                Callable<T> task = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return work.run(thread);
                };
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadWork<T> {
        T run(int thread) throws Exception;
    }
}
