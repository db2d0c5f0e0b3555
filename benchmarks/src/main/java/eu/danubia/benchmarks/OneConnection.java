package eu.danubia.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

import javax.sql.DataSource;

/**
 * A DataSource that hands out one connection again and again (closing it does nothing), as a pool
 * hands out the same few connections; opening a PostgreSQL connection per transaction would measure
 * the login instead of the work. A schema set on the connection stays in force.
 */
final class OneConnection {

    private OneConnection() {
    }

    static DataSource of(Connection c) {
        ClassLoader loader = OneConnection.class.getClassLoader();
        Connection kept = (Connection) Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (proxy, m, a) -> {
            if (m.getName().equals("close")) {
                return null;
            }
            try {
                return m.invoke(c, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, m, a) -> switch (m.getName()) {
            case "getConnection" -> kept;
            case "isWrapperFor" -> false;
            case "toString" -> "one connection";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == a[0];
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }
}
