package eu.danubia.c2b.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.Association;
import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.testing.MutableClock;

/**
 * Two associations on a fresh database with the real directory. Association A (Romania) runs the
 * public cluster K, managed by its cluster office A0, with member A2, and the association-only
 * cluster P; A1 is a business of A that is not a member of K. Association B (Hungary) has B1 (public,
 * small) and B2 (visible to B only, large). Callers of every kind, a clock, and recorders for
 * notifications and cooperation events.
 */
final class Fixture {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final Database db;
    final DirectoryServiceImpl directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifications sent = new RecordingNotifications();
    final List<Cooperation> recorded = Collections.synchronizedList(new ArrayList<>());
    final C2bService c2b;

    final Organisation a0;
    final Organisation a1;
    final Organisation a2;
    final Organisation b1;
    final Organisation b2;
    final Cluster k;
    final Cluster p;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = new Caller(UUID.randomUUID(), "root@danubia.example", null, null, Set.of(Role.PLATFORM_ADMIN));
    final Caller adminA;
    final Caller adminB;
    final Caller officeA0;
    final Caller memberA1;
    final Caller viewerA1;
    final Caller memberA2;
    final Caller memberB1;
    final Caller memberB2;

    Fixture(Database database) {
        this.db = database;
        this.directory = new DirectoryServiceImpl(db);
        db.transaction(c -> {
            association(c, a, "somes");
            association(c, b, "pannon");
            return null;
        });
        a0 = org("Someș Cluster Management", OrganisationType.CLUSTER_ORGANISATION, "RO", a, Visibility.PUBLIC, SizeClass.MICRO);
        a1 = org("Codeflow Systems SRL", OrganisationType.BUSINESS, "RO", a, Visibility.ASSOCIATION, SizeClass.SMALL);
        a2 = org("Datanord Analytics SRL", OrganisationType.BUSINESS, "RO", a, Visibility.PUBLIC, SizeClass.MEDIUM);
        b1 = org("Duna Medtech Kft.", OrganisationType.BUSINESS, "HU", b, Visibility.PUBLIC, SizeClass.SMALL);
        b2 = org("Villamgép Hajtástechnika Zrt.", OrganisationType.BUSINESS, "HU", b, Visibility.ASSOCIATION, SizeClass.LARGE);
        k = cluster("Someș Digital Cluster", Visibility.PUBLIC);
        p = cluster("Someș Private Cluster", Visibility.ASSOCIATION);
        directory.addMember(Caller.SYSTEM, k.id(), a2.id(), null);
        adminA = new Caller(UUID.randomUUID(), "admin@somes.example", a, null, Set.of(Role.ASSOCIATION_ADMIN));
        adminB = new Caller(UUID.randomUUID(), "admin@pannon.example", b, null, Set.of(Role.ASSOCIATION_ADMIN));
        officeA0 = new Caller(UUID.randomUUID(), "office@somes-cluster.example", a, a0.id(), Set.of(Role.MEMBER));
        memberA1 = new Caller(UUID.randomUUID(), "ana@codeflow.example", a, a1.id(), Set.of(Role.MEMBER));
        viewerA1 = new Caller(UUID.randomUUID(), "viewer@codeflow.example", a, a1.id(), Set.of(Role.VIEWER));
        memberA2 = new Caller(UUID.randomUUID(), "radu@datanord.example", a, a2.id(), Set.of(Role.MEMBER));
        memberB1 = new Caller(UUID.randomUUID(), "bela@duna-medtech.example", b, b1.id(), Set.of(Role.MEMBER));
        memberB2 = new Caller(UUID.randomUUID(), "eva@villamgep.example", b, b2.id(), Set.of(Role.MEMBER));
        this.c2b = new C2bService(db, directory, clock);
        c2b.notifications = sent;
        c2b.cooperationListeners = List.<CooperationListener>of(recorded::add);
    }

    private Organisation org(String name, OrganisationType type, String country, UUID association, Visibility visibility,
            SizeClass size) {
        return directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name, type, country, null,
                null, List.of("62.01"), size, List.of(), null, null, visibility, null, null));
    }

    private Cluster cluster(String name, Visibility visibility) {
        return directory.createCluster(Caller.SYSTEM, new Cluster(null, a, name, a0.id(), "RO", "RO113", List.of("62"),
                "Software and data companies of north-west Romania", null, visibility, 0, null, null));
    }

    private static void association(Connection c, UUID id, String slug) throws SQLException {
        Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                id, slug, "Association " + slug, "RO", Instant.now());
    }

    // ---- inputs -----------------------------------------------------------------------------

    static ServiceInput service(UUID cluster, String title) {
        return new Builder(cluster).title(title).build();
    }

    static Builder serviceOf(UUID cluster) {
        return new Builder(cluster);
    }

    /** Builds service bodies; every field valid by default (a free training for anyone, published). */
    static final class Builder {
        String clusterId;
        String category = "TRAINING";
        String title = "GDPR for software SMEs";
        String description = "A one-day workshop on data protection in software products.";
        String priceModel = "FREE";
        String priceAmount;
        String currency;
        String eligibility = "ANY";
        List<String> countries = List.of();
        List<String> languages = List.of("en", "ro");
        String status = "PUBLISHED";

        Builder(UUID cluster) {
            clusterId = cluster == null ? null : cluster.toString();
        }

        Builder title(String v) {
            title = v;
            return this;
        }

        Builder category(String v) {
            category = v;
            return this;
        }

        Builder price(String model, String amount, String cur) {
            priceModel = model;
            priceAmount = amount;
            currency = cur;
            return this;
        }

        Builder eligibility(String v, String... countryCodes) {
            eligibility = v;
            countries = List.of(countryCodes);
            return this;
        }

        Builder status(String v) {
            status = v;
            return this;
        }

        Builder description(String v) {
            description = v;
            return this;
        }

        ServiceInput build() {
            return new ServiceInput(clusterId, category, title, description, priceModel, priceAmount, currency,
                    eligibility, countries, languages, status);
        }
    }

    static RequestInput forService(UUID service, String message) {
        return new RequestInput("SERVICE_REQUEST", service.toString(), null, message, null);
    }

    static RequestInput toJoin(UUID cluster, String message) {
        return new RequestInput("MEMBERSHIP_APPLICATION", null, cluster.toString(), message, null);
    }

    /** A published service of cluster K, created by the admin of A. */
    ClusterService published(String title) {
        return c2b.createService(adminA, service(k.id(), title));
    }

    long count(String sql, Object... params) {
        return db.read(c -> Jdbc.count(c, sql, params));
    }

    boolean isMember(Organisation o, Cluster cluster) {
        return directory.clustersOf(Caller.SYSTEM, o.id()).stream().anyMatch(x -> x.id().equals(cluster.id()));
    }

    // ---- test doubles -----------------------------------------------------------------------

    /** The users of the account service, as far as C2B asks for them (whom to notify). */
    static final class Accounts implements AccountService {

        private final List<UserAccount> users;

        Accounts(List<UserAccount> users) {
            this.users = List.copyOf(users);
        }

        static UserAccount user(Caller caller, boolean active) {
            return new UserAccount(caller.userId(), caller.email(), caller.email(), caller.associationId(), caller.organisationId(),
                    caller.roles(), active, START);
        }

        @Override
        public List<UserAccount> users(Caller caller, UUID associationId) {
            if (!caller.isPlatformAdmin()) {
                throw new IllegalStateException("C2B asks as the platform");
            }
            return users.stream().filter(u -> associationId == null || associationId.equals(u.associationId())).toList();
        }

        @Override
        public Optional<UserAccount> userByEmail(Caller caller, String email) {
            return users.stream().filter(u -> u.email().equals(email)).findFirst();
        }

        @Override
        public List<Association> associations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Association> association(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Association> associationBySlug(String slug) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Association createAssociation(Caller caller, String slug, String name, String country, String website) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserAccount createUser(Caller caller, NewUser user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setPassword(Caller caller, UUID userId, char[] password) {
            throw new UnsupportedOperationException();
        }
    }

    static final class RecordingNotifications implements NotificationService {

        final List<Notification> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void send(Notification notification) {
            all.add(notification);
        }

        List<Notification> ofKind(String kind) {
            return all.stream().filter(n -> n.kind().equals(kind)).toList();
        }
    }
}
