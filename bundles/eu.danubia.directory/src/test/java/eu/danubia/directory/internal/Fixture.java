package eu.danubia.directory.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import eu.danubia.api.Cluster;
import eu.danubia.api.NationalId;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.SqlWork;

/** Two associations A and B on a fresh database, callers of each kind, and record builders. */
final class Fixture {

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final CountingDatabase db;
    final DirectoryServiceImpl directory;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = new Caller(UUID.randomUUID(), "root@danubia.eu", null, null, Set.of(Role.PLATFORM_ADMIN));
    final Caller adminOfA;
    final Caller adminOfB;
    final Caller viewerOfA;
    final Caller memberOfB;

    Fixture(Database database) {
        this.db = new CountingDatabase(database);
        this.directory = new DirectoryServiceImpl(db);
        db.transaction(c -> {
            association(c, a, "a");
            association(c, b, "b");
            return null;
        });
        adminOfA = new Caller(UUID.randomUUID(), "admin@a.eu", a, null, Set.of(Role.ASSOCIATION_ADMIN));
        adminOfB = new Caller(UUID.randomUUID(), "admin@b.eu", b, null, Set.of(Role.ASSOCIATION_ADMIN));
        viewerOfA = new Caller(UUID.randomUUID(), "viewer@a.eu", a, null, Set.of(Role.VIEWER));
        memberOfB = new Caller(UUID.randomUUID(), "member@b.eu", b, null, Set.of(Role.MEMBER));
    }

    /** A member of A acting for the given organisation. */
    Caller memberOfA(UUID organisationId) {
        return new Caller(UUID.randomUUID(), "member@a.eu", a, organisationId, Set.of(Role.MEMBER));
    }

    static Organisation org(String name, Visibility visibility) {
        return org(name, visibility, null);
    }

    static Organisation org(String name, Visibility visibility, UUID association) {
        return new Organisation(null, association, name, OrganisationType.BUSINESS, "RO", "RO11", "Cluj-Napoca",
                List.of("62.01"), null, List.of(), "https://example.ro", "Software house", visibility, null, null);
    }

    static Organisation with(Organisation o, String country, String nuts, String city, List<String> nace,
            OrganisationType type, String description, List<NationalId> ids) {
        return new Organisation(o.id(), o.associationId(), o.name(), type, country, nuts, city, nace, o.sizeClass(),
                ids, o.website(), description, o.visibility(), o.createdAt(), o.updatedAt());
    }

    static Organisation renamed(Organisation o, String name) {
        return new Organisation(o.id(), o.associationId(), name, o.type(), o.country(), o.nutsCode(), o.city(),
                o.naceCodes(), o.sizeClass(), o.nationalIds(), o.website(), o.description(), o.visibility(),
                o.createdAt(), o.updatedAt());
    }

    static Organisation visible(Organisation o, Visibility visibility) {
        return new Organisation(o.id(), o.associationId(), o.name(), o.type(), o.country(), o.nutsCode(), o.city(),
                o.naceCodes(), o.sizeClass(), o.nationalIds(), o.website(), o.description(), visibility,
                o.createdAt(), o.updatedAt());
    }

    static Organisation movedTo(Organisation o, UUID association) {
        return new Organisation(o.id(), association, o.name(), o.type(), o.country(), o.nutsCode(), o.city(),
                o.naceCodes(), o.sizeClass(), o.nationalIds(), o.website(), o.description(), o.visibility(),
                o.createdAt(), o.updatedAt());
    }

    static Cluster cluster(String name, Visibility visibility, UUID association, List<String> sectors) {
        return new Cluster(null, association, name, null, "HU", "HU11", sectors, "A cluster about " + name,
                "https://cluster.example.hu", visibility, 0, null, null);
    }

    Organisation createOrg(String name, Visibility visibility, UUID association) {
        return directory.createOrganisation(platformAdmin, org(name, visibility, association));
    }

    Cluster createCluster(String name, Visibility visibility, UUID association, String... sectors) {
        return directory.createCluster(platformAdmin, cluster(name, visibility, association, List.of(sectors)));
    }

    long count(String sql, Object... params) {
        return db.read(c -> Jdbc.count(c, sql, params));
    }

    private static void association(Connection c, UUID id, String slug) throws SQLException {
        Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                id, slug, "Association " + slug, "RO", Instant.now());
    }

    /** Counts the statements prepared through it, to prove listings make no query per row. */
    static final class CountingDatabase implements Database {

        private final Database delegate;
        final AtomicInteger statements = new AtomicInteger();

        CountingDatabase(Database delegate) {
            this.delegate = delegate;
        }

        @Override
        public String product() {
            return delegate.product();
        }

        @Override
        public int migrate(String module, ClassLoader loader) {
            return delegate.migrate(module, loader);
        }

        @Override
        public <T> T transaction(SqlWork<T> work) {
            return delegate.transaction(c -> work.run(counting(c)));
        }

        @Override
        public <T> T read(SqlWork<T> work) {
            return delegate.read(c -> work.run(counting(c)));
        }

        @Override
        public boolean ping(int timeoutSeconds) {
            return delegate.ping(timeoutSeconds);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }

        private Connection counting(Connection c) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
