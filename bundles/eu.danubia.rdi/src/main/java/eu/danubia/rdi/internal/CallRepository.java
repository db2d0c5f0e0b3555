package eu.danubia.rdi.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.store.Jdbc;
import eu.danubia.store.Where;

/** SQL of {@code rdi_calls}. Calls are public reference data: no tenant columns. */
final class CallRepository {

    private static final String COLUMNS = "topic_code, title, programme, thematic, deadline, eligible_countries, source";

    Optional<Call> find(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM rdi_calls WHERE topic_code = ?", CallRepository::row, code);
    }

    boolean exists(Connection c, String code) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM rdi_calls WHERE topic_code = ?", code) > 0;
    }

    long count(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM rdi_calls");
    }

    /** Every word of {@code q} must occur in the code or the title; ordered by code, newest year first. */
    Page<Call> search(Connection c, List<String> words, String programme, Boolean thematic, PageRequest page)
            throws SQLException {
        Where w = new Where();
        for (String word : words) {
            String like = Jdbc.likeContains(word);
            w.and("LOWER(topic_code) LIKE ? ESCAPE '\\' OR LOWER(title) LIKE ? ESCAPE '\\'", like, like);
        }
        w.andIf(programme != null, "programme = ?", programme);
        w.andIf(thematic != null, "thematic = ?", thematic);
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM rdi_calls" + w.sql(), w.params());
        List<Call> items = Jdbc.query(c, "SELECT " + COLUMNS + " FROM rdi_calls" + w.sql()
                + " ORDER BY topic_code DESC LIMIT ? OFFSET ?", CallRepository::row, w.params(page.size(), page.offset()));
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Thematic calls whose title holds any of the words: the candidates of the lexical call recommendation. */
    List<Call> withAnyWord(Connection c, Collection<String> words, int max) throws SQLException {
        if (words.isEmpty()) {
            return List.of();
        }
        Where any = new Where();
        StringBuilder or = new StringBuilder();
        Object[] params = new Object[words.size()];
        int i = 0;
        for (String word : words) {
            or.append(i == 0 ? "" : " OR ").append("LOWER(title) LIKE ? ESCAPE '\\'");
            params[i++] = Jdbc.likeContains(word);
        }
        any.and(or.toString(), params);
        any.and("thematic = TRUE");
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM rdi_calls" + any.sql() + " ORDER BY topic_code DESC LIMIT ?",
                CallRepository::row, any.params(max));
    }

    List<ProgrammeCount> programmes(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT programme, COUNT(*) AS n FROM rdi_calls GROUP BY programme ORDER BY programme",
                rs -> new ProgrammeCount(rs.getString("programme"), rs.getLong("n")));
    }

    java.util.Set<String> codes(Connection c) throws SQLException {
        return new java.util.HashSet<>(Jdbc.query(c, "SELECT topic_code FROM rdi_calls", rs -> rs.getString(1)));
    }

    /** Inserts the calls in JDBC batches (the seed: 2,043 rows). */
    void insertAll(Connection c, List<Call> all, Instant now) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO rdi_calls (" + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Call call : all) {
                Jdbc.bind(ps, call.topicCode(), call.title(), call.programme(), call.thematic(), call.deadline(),
                        countries(call.eligibleCountries()), call.source(), now);
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    void insert(Connection c, Call call, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO rdi_calls (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                call.topicCode(), call.title(), call.programme(), call.thematic(), call.deadline(),
                countries(call.eligibleCountries()), call.source(), now);
    }

    /** Inserts or replaces by topic code; true when it was new. */
    boolean upsert(Connection c, Call call, Instant now) throws SQLException {
        int n = Jdbc.update(c, "UPDATE rdi_calls SET title = ?, programme = ?, thematic = ?, deadline = ?, "
                + "eligible_countries = ?, source = ?, updated_at = ? WHERE topic_code = ?", call.title(), call.programme(),
                call.thematic(), call.deadline(), countries(call.eligibleCountries()), call.source(), now, call.topicCode());
        if (n == 0) {
            insert(c, call, now);
            return true;
        }
        return false;
    }

    private static String countries(List<String> list) {
        return list.isEmpty() ? null : String.join(";", list);
    }

    private static Call row(ResultSet rs) throws SQLException {
        String countries = rs.getString("eligible_countries");
        return new Call(rs.getString("topic_code"), rs.getString("title"), rs.getString("programme"),
                rs.getBoolean("thematic"), Jdbc.date(rs, "deadline"),
                countries == null || countries.isBlank() ? List.of() : Arrays.asList(countries.split(";")),
                rs.getString("source"));
    }
}
