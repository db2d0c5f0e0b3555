package eu.danubia.ingest.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How one record type lies in its table: the natural key, the values the content hash covers, and
 * the bookkeeping columns every record table has. The key's parts are stored as columns of their
 * own and, joined with ':', as the primary key {@code natural_key} (see {@code V1__ingest.sql} for
 * why one column).
 */
final class RecordTable<T> {

    enum Type {
        TEXT, INTEGER, NUMERIC, DATE
    }

    record Column(String name, Type type) {
    }

    final String name;
    final List<Column> key;
    final List<Column> values;
    private final Function<T, Object[]> keyOf;
    private final Function<T, Object[]> valuesOf;
    final String insertSql;
    final String updateSql;

    RecordTable(String name, List<Column> key, List<Column> values, Function<T, Object[]> keyOf,
            Function<T, Object[]> valuesOf) {
        this.name = name;
        this.key = List.copyOf(key);
        this.values = List.copyOf(values);
        this.keyOf = keyOf;
        this.valuesOf = valuesOf;
        String columns = Stream.concat(key.stream(), values.stream()).map(Column::name).collect(Collectors.joining(", "));
        String marks = "?, ".repeat(1 + key.size() + values.size() + 4);
        // No conflict target: H2 accepts none, and the primary key is the table's only unique constraint.
        this.insertSql = "INSERT INTO " + name + " (natural_key, " + columns
                + ", content_hash, source_position, first_seen, last_changed)"
                + " VALUES (" + marks.substring(0, marks.length() - 2) + ") ON CONFLICT DO NOTHING";
        // The hash condition makes the update itself the change test, so a concurrent writer that
        // stored the same content in between is answered UNCHANGED, not overwritten.
        this.updateSql = "UPDATE " + name + " SET "
                + values.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "))
                + ", content_hash = ?, source_position = ?, last_changed = ? WHERE natural_key = ? AND content_hash <> ?";
    }

    Object[] key(T record) {
        return keyOf.apply(record);
    }

    Object[] values(T record) {
        return valuesOf.apply(record);
    }

    /** The stored hashes of the given natural keys. */
    String hashesSql(int keys) {
        String marks = "?, ".repeat(keys);
        return "SELECT natural_key, content_hash FROM " + name + " WHERE natural_key IN ("
                + marks.substring(0, marks.length() - 2) + ")";
    }

    /** The key's parts joined with ':', which the checks keep out of every part. */
    static String naturalKey(Object[] key) {
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; i < key.length; i++) {
            if (i > 0) {
                b.append(':');
            }
            b.append(key[i]);
        }
        return b.toString();
    }

    /**
     * Binds with the column's own type also for nulls: PostgreSQL refuses a varchar null for a date
     * column, and a batch whose parameter types vary from row to row is sent as several batches.
     */
    static int bind(PreparedStatement ps, int index, List<Column> columns, Object[] values) throws SQLException {
        int i = index;
        for (int c = 0; c < columns.size(); c++) {
            Object v = values[c];
            switch (columns.get(c).type()) {
                case TEXT -> {
                    if (v == null) {
                        ps.setNull(i, Types.VARCHAR);
                    } else {
                        ps.setString(i, (String) v);
                    }
                }
                case INTEGER -> {
                    if (v == null) {
                        ps.setNull(i, Types.INTEGER);
                    } else {
                        ps.setInt(i, (Integer) v);
                    }
                }
                case NUMERIC -> {
                    if (v == null) {
                        ps.setNull(i, Types.NUMERIC);
                    } else {
                        ps.setBigDecimal(i, (BigDecimal) v);
                    }
                }
                case DATE -> {
                    if (v == null) {
                        ps.setNull(i, Types.DATE);
                    } else {
                        ps.setDate(i, Date.valueOf((LocalDate) v));
                    }
                }
                default -> throw new IllegalStateException();
            }
            i++;
        }
        return i;
    }
}
