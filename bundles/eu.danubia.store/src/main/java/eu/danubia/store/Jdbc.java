package eu.danubia.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Small JDBC helpers so repositories read as SQL. Parameters may be {@link UUID}, {@link Instant},
 * {@link LocalDate}, enums (stored by name), strings, numbers, booleans or {@code null}.
 * Column labels are lower case on both H2 (run with {@code DATABASE_TO_LOWER=TRUE}) and PostgreSQL.
 */
public final class Jdbc {

    private Jdbc() {
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(ps, params);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p == null) {
                ps.setNull(index, Types.NULL);
            } else if (p instanceof Instant instant) {
                ps.setTimestamp(index, Timestamp.from(instant));
            } else if (p instanceof LocalDate date) {
                ps.setDate(index, Date.valueOf(date));
            } else if (p instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else {
                ps.setObject(index, p);
            }
        }
    }

    /** The clock's instant at millisecond precision: what H2 and PostgreSQL both store exactly. */
    public static Instant now(java.time.Clock clock) {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Enum.valueOf(type, v);
    }

    /** How many words of a search query count: the rest is ignored, so a long query cannot make a huge statement. */
    public static final int QUERY_WORDS_MAX = 10;

    /**
     * The words of a search query, lower-cased, without duplicates, each cut at 100 characters, at most
     * {@link #QUERY_WORDS_MAX}; empty for null or blank. Each is meant for {@link #likeContains}.
     */
    public static List<String> queryWords(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String word : q.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (words.size() == QUERY_WORDS_MAX) {
                break;
            }
            words.add(word.length() > 100 ? word.substring(0, 100) : word);
        }
        return List.copyOf(words);
    }

    /** Escapes {@code %}, {@code _} and {@code \} for a LIKE pattern (used with {@code ESCAPE '\'}). */
    public static String likeContains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /**
     * True when the failure, or one of its causes, is a unique-constraint violation (SQLState 23505 on
     * PostgreSQL and H2): the insert of a second row with the same key lost a race and is a conflict.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
