package eu.danubia.c2b.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Association;
import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.api.security.UserAccount;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.testing.MutableClock;
import eu.danubia.store.testing.RecordingNotifications;
import eu.danubia.store.testing.TestData;

/**
 * Two associations on a fresh database with the real directory. Association A (Romania) runs the
 * public cluster K, managed by its cluster office A0, with member A2, and the association-only
 * cluster P; A1 is a business of A that is not a member of K. Association B (Hungary) has B1 (public,
 * small) and B2 (visible to B only, large). Callers of every kind, a clock, and recorders for
 * notifications and cooperation events.
 */
final class Fixture {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final C2bService c2b;
    final Database db;
    final DirectoryServiceImpl directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifications sent = new RecordingNotifications();
    final List<Cooperation> recorded = Collections.synchronizedList(new ArrayList<>());

    final UUID a;
    final Organisation a0;
    final Organisation a1;
    final Organisation a2;
    final UUID b;
    final Organisation b1;
    final Organisation b2;
    final Cluster k;
    final Cluster p;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = TestData.platformAdmin();
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
        a = TestData.association(db, "somes");
        b = TestData.association(db, "pannon");
        a0 = org("Someș Cluster Management", OrganisationType.CLUSTER_ORGANISATION, "RO", a, Visibility.PUBLIC, SizeClass.MICRO);
        a1 = org("Codeflow Systems SRL", OrganisationType.BUSINESS, "RO", a, Visibility.ASSOCIATION, SizeClass.SMALL);
        a2 = org("Datanord Analytics SRL", OrganisationType.BUSINESS, "RO", a, Visibility.PUBLIC, SizeClass.MEDIUM);
        b1 = org("Duna Medtech Kft.", OrganisationType.BUSINESS, "HU", b, Visibility.PUBLIC, SizeClass.SMALL);
        b2 = org("Villamgép Hajtástechnika Zrt.", OrganisationType.BUSINESS, "HU", b, Visibility.ASSOCIATION, SizeClass.LARGE);
        k = cluster("Someș Digital Cluster", Visibility.PUBLIC);
        p = cluster("Someș Private Cluster", Visibility.ASSOCIATION);
        directory.addMember(Caller.SYSTEM, k.id(), a2.id(), null);
        adminA = TestData.associationAdmin(a, "somes");
        adminB = TestData.associationAdmin(b, "pannon");
        officeA0 = TestData.member("office@somes-cluster.example", a, a0.id());
        memberA1 = TestData.member("ana@codeflow.example", a, a1.id());
        viewerA1 = TestData.viewer("viewer@codeflow.example", a, a1.id());
        memberA2 = TestData.member("radu@datanord.example", a, a2.id());
        memberB1 = TestData.member("bela@duna-medtech.example", b, b1.id());
        memberB2 = TestData.member("eva@villamgep.example", b, b2.id());
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
        return TestData.count(db, sql, params);
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
}
