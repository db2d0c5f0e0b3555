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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.danubia.api.ingest.IngestService.Outcome;

/**
 * Stores a batch of valid records of one table inside the caller's transaction, with the outcome
 * each would have had if stored one by one in order.
 *
 * <ol>
 * <li>When most records are expected to be stored already (a re-import), one query reads the
 * stored hashes of the batch's keys, and only new and changed records are written. This only
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
 *
 * <p>Why not always read first: PostgreSQL plans the read once for the session after a few
 * executions; planned while a table is still small, it scans the table instead of the index, and
 * a first import into a growing table then slows down batch after batch (seen here: 5,000 instead
 * of 27,000 records/s). Inserting blindly needs no plan but the primary key's.
 */
final class Upsert {

    /**
     * Identifiers per hash query. H2 finds each through the index but then tests every row it
     * found against the whole IN list again, so the cost grows with the square of the list: 100
     * read twice as fast as 500 there, and PostgreSQL hardly notices the extra queries.
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
        String[] keyStrings = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = table.key(records.get(i));
            values[i] = table.values(records.get(i));
            keyStrings[i] = RecordTable.keyString(keys[i]);
            hashes[i] = ContentHash.of(values[i]);
        }

        Outcome[] outcomes = new Outcome[n];
        List<Integer> inserts = new ArrayList<>();
        List<Integer> updates = new ArrayList<>();
        if (readFirst) {
            // Plan in input order, so a key that occurs twice in one batch ends as if stored one by one.
            Map<String, String> state = storedHashes(c, table, keys, keyStrings);
            for (int i = 0; i < n; i++) {
                String current = state.get(keyStrings[i]);
                if (current == null) {
                    inserts.add(i);
                } else if (current.equals(hashes[i])) {
                    outcomes[i] = Outcome.UNCHANGED;
                } else {
                    updates.add(i);
                }
                state.put(keyStrings[i], hashes[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                inserts.add(i);
            }
        }

        Comparator<Integer> keyOrder = Comparator.<Integer, String>comparing(i -> keyStrings[i]).thenComparing(i -> i);
        Timestamp at = Timestamp.from(now);
        if (!inserts.isEmpty()) {
            inserts.sort(keyOrder);
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement(table.insertSql)) {
                for (int i : inserts) {
                    int p = RecordTable.bind(ps, 1, table.key, keys[i]);
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
                    p = RecordTable.bind(ps, p, table.key, keys[i]);
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

    /** Stored hash per key string, for the keys of the batch that are stored. */
    private static <T> Map<String, String> storedHashes(Connection c, RecordTable<T> table, Object[][] keys,
            String[] keyStrings) throws SQLException {
        Map<Object, Set<Object>> bySource = new LinkedHashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < keys.length; i++) {
            bySource.computeIfAbsent(keys[i][0], k -> new LinkedHashSet<>()).add(keys[i][1]);
            wanted.add(keyStrings[i]);
        }
        Map<String, String> stored = new HashMap<>(keys.length * 2);
        for (Map.Entry<Object, Set<Object>> e : bySource.entrySet()) {
            List<Object> ids = new ArrayList<>(e.getValue());
            for (int from = 0; from < ids.size(); from += READ_CHUNK) {
                List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
                try (PreparedStatement ps = c.prepareStatement(table.hashesSql(chunk.size()))) {
                    RecordTable.bind(ps, 1, List.of(table.key.get(0)), new Object[] {e.getKey()});
                    List<RecordTable.Column> idColumn = List.of(table.key.get(1));
                    for (int j = 0; j < chunk.size(); j++) {
                        RecordTable.bind(ps, 2 + j, idColumn, new Object[] {chunk.get(j)});
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String key = table.keyString(rs);
                            // rows of other years or units of the same identifier are not in the batch
                            if (wanted.contains(key)) {
                                stored.put(key, rs.getString(table.key.size() + 1));
                            }
                        }
                    }
                }
            }
        }
        return stored;
    }
}
