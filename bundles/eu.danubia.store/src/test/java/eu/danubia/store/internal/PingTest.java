package eu.danubia.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * The health check's ping on a pooled H2 connection: H2 keeps a statement's query timeout as its
 * session's QUERY_TIMEOUT, so a ping that left it set made every later statement on that
 * connection fail after the ping's few seconds (the indicator engine's long reads were cancelled
 * while a browser polled /api/health).
 */
class PingTest {

    @Test
    void leavesNoQueryTimeoutOnThePooledConnection() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:ping" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        // the migration at construction needs two connections; the ping then uses one of them
        pool.setMaxConnections(2);
        try {
            DatabaseImpl db = new DatabaseImpl(pool);
            assertThat(db.ping(2)).isTrue();
            try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
                assertThat(queryTimeout(first)).isEqualTo("0");
                assertThat(queryTimeout(second)).isEqualTo("0");
            }
        } finally {
            pool.dispose();
        }
    }

    private static String queryTimeout(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'QUERY_TIMEOUT'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
