package eu.danubia.ingest.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import eu.danubia.api.ingest.IngestService.Outcome;

/**
 * Stores a batch of valid records of one table inside the caller's transaction, with the outcome
 * each would have had if stored one by one in order.
 *
 * <ol>
 * <li>When most records are expected to be stored already (a re-import), a query per
 * {@value #READ_CHUNK} keys reads their stored hashes, and only new and changed records are written. This only
 * saves work; correctness never depends on it. When most are expected to be new (a first
 * import), the read is skipped and every record goes to step 2.</li>
 * <li>Records are inserted with {@code ON CONFLICT DO NOTHING}: a key that is stored already, by
 * this batch or by another transaction since the read (PostgreSQL first waits for that
 * transaction), inserts nothing and goes on to step 3.</li>
 * <li>Records are updated with {@code content_hash <> ?} in the condition, so the update itself
 * tells changed from unchanged.</li>
 * </ol>
 *
 * <p>No step checks and then inserts, so a crash, a re-import or a concurrent import leaves one
 * row per key. Writes go in key order, so two batches over the same keys lock them in the same
 * order and cannot deadlock each other.
 */
final class Upsert {

    /**
     * Keys per hash query. H2 finds each through the index but then tests every row it found
     * against the whole IN list again, so its cost grows with the square of the list; PostgreSQL
     * hardly notices the extra queries of a shorter one.
     */
    static final int READ_CHUNK = 100;

    private Upsert() {
    }

    /**
     * @param readFirst whether to read the stored hashes first: true when most records are expected
     *        to be stored already
     */
    static <T> Outcome[] store(Connection c, RecordTable<T> table, List<T> records, List<String> positions, Instant now,
            boolean readFirst) throws SQLException {
        int n = records.size();
        Object[][] keys = new Object[n][];
        Object[][] values = new Object[n][];
        String[] naturalKeys = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = table.key(records.get(i));
            values[i] = table.values(records.get(i));
            naturalKeys[i] = RecordTable.naturalKey(keys[i]);
            hashes[i] = ContentHash.of(values[i]);
        }

        Outcome[] outcomes = new Outcome[n];
        List<Integer> inserts = new ArrayList<>();
        List<Integer> updates = new ArrayList<>();
        if (readFirst) {
            // Plan in input order, so a key that occurs twice in one batch ends as if stored one by one.
            Map<String, String> state = storedHashes(c, table, naturalKeys);
            for (int i = 0; i < n; i++) {
                String current = state.get(naturalKeys[i]);
                if (current == null) {
                    inserts.add(i);
                } else if (current.equals(hashes[i])) {
                    outcomes[i] = Outcome.UNCHANGED;
                } else {
                    updates.add(i);
                }
                state.put(naturalKeys[i], hashes[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                inserts.add(i);
            }
        }

        Comparator<Integer> keyOrder = Comparator.<Integer, String>comparing(i -> naturalKeys[i]).thenComparing(i -> i);
        Timestamp at = Timestamp.from(now);
        if (!inserts.isEmpty()) {
            inserts.sort(keyOrder);
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement(table.insertSql)) {
                for (int i : inserts) {
                    ps.setString(1, naturalKeys[i]);
                    int p = RecordTable.bind(ps, 2, table.key, keys[i]);
                    p = RecordTable.bind(ps, p, table.values, values[i]);
                    ps.setString(p++, hashes[i]);
                    ps.setString(p++, positions.get(i));
                    ps.setTimestamp(p++, at);
                    ps.setTimestamp(p, at);
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            for (int j = 0; j < counts.length; j++) {
                int i = inserts.get(j);
                if (counts[j] > 0) {
                    outcomes[i] = Outcome.STORED;
                } else if (counts[j] == Statement.SUCCESS_NO_INFO) {
                    // a driver that rewrites batched inserts (reWriteBatchedInserts) cannot tell
                    // whether this row or a concurrent one was inserted: the update makes it ours
                    outcomes[i] = Outcome.STORED;
                    updates.add(i);
                } else {
                    // stored already (before, earlier in this batch, or by another transaction
                    // since the read): the update compares with the stored hash
                    updates.add(i);
                }
            }
        }
        if (!updates.isEmpty()) {
            updates.sort(keyOrder);
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement(table.updateSql)) {
                for (int i : updates) {
                    int p = RecordTable.bind(ps, 1, table.values, values[i]);
                    ps.setString(p++, hashes[i]);
                    ps.setString(p++, positions.get(i));
                    ps.setTimestamp(p++, at);
                    ps.setString(p++, naturalKeys[i]);
                    ps.setString(p, hashes[i]);
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            for (int j = 0; j < counts.length; j++) {
                int i = updates.get(j);
                if (outcomes[i] == null) {
                    outcomes[i] = counts[j] > 0 || counts[j] == Statement.SUCCESS_NO_INFO ? Outcome.STORED : Outcome.UNCHANGED;
                }
            }
        }
        return outcomes;
    }

    /** Stored hash per natural key, for the keys of the batch that are stored. */
    private static <T> Map<String, String> storedHashes(Connection c, RecordTable<T> table, String[] naturalKeys)
            throws SQLException {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(List.of(naturalKeys)));
        Map<String, String> stored = new HashMap<>(keys.size() * 2);
        for (int from = 0; from < keys.size(); from += READ_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + READ_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(table.hashesSql(chunk.size()))) {
                for (int j = 0; j < chunk.size(); j++) {
                    ps.setString(1 + j, chunk.get(j));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return stored;
    }
}
