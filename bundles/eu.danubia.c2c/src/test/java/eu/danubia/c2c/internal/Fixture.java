package eu.danubia.c2c.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.testing.MutableClock;
import eu.danubia.store.testing.RecordingNotifications;
import eu.danubia.store.testing.TestData;

/**
 * Three associations on a fresh database with the real directory: A (Romania, "somes") with the
 * public Someș Digital Cluster (Cluj, software) and a private cluster; B (Hungary, "pannon") with the
 * public Pannon Health Technology Cluster (Budapest) and a private cluster; C (Czechia) with a public
 * ICT cluster. Callers of every kind, a clock the tests move, notifications recorded, and each
 * association's admin as the one admin the notifier finds.
 */
final class Fixture {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final C2cService c2c;
    final Database db;
    final DirectoryServiceImpl directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifications sent = new RecordingNotifications();

    final UUID a;
    final Organisation managerA;
    final Organisation a1;
    final Organisation a2;
    final UUID b;
    final Organisation managerB;
    final Organisation b1;
    final UUID c;
    final Organisation c1;

    final Cluster somes;
    final Cluster privateA;
    final Cluster pannon;
    final Cluster privateB;
    final Cluster moravia;
    /** Another RO cluster in Someș's NUTS 2 region (RO11). */
    final Cluster bihor;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = TestData.platformAdmin();
    final Caller adminA;
    final Caller adminB;
    final Caller adminC;
    final Caller memberA1;
    final Caller memberA2;
    final Caller memberB1;
    final Caller viewerA1;

    Fixture(Database database) {
        this.db = database;
        this.directory = new DirectoryServiceImpl(db);
        a = TestData.association(db, "somes", "RO");
        b = TestData.association(db, "pannon", "HU");
        c = TestData.association(db, "morava", "CZ");
        managerA = org("Someș Cluster Management", OrganisationType.CLUSTER_ORGANISATION, "RO", "RO113", a, Visibility.PUBLIC);
        a1 = org("Codeflow Systems SRL", OrganisationType.BUSINESS, "RO", "RO113", a, Visibility.PUBLIC);
        a2 = org("Institutul de Inginerie Aplicată Cluj", OrganisationType.RESEARCH, "RO", "RO113", a, Visibility.ASSOCIATION);
        managerB = org("Pannon Klasztermenedzsment", OrganisationType.CLUSTER_ORGANISATION, "HU", "HU110", b, Visibility.ASSOCIATION);
        b1 = org("Duna Medtech Kft.", OrganisationType.BUSINESS, "HU", "HU110", b, Visibility.PUBLIC);
        c1 = org("Klastr Morava Tech", OrganisationType.CLUSTER_ORGANISATION, "CZ", "CZ064", c, Visibility.PUBLIC);

        somes = cluster("Someș Digital Cluster", a, managerA, "RO", "RO113", List.of("62.01", "62.02", "63.11"),
                "Software and data companies of Cluj.", Visibility.PUBLIC, a1, a2, managerA);
        privateA = cluster("Someș Internal Working Group", a, managerA, "RO", "RO113", List.of("70.22"), null,
                Visibility.ASSOCIATION);
        bihor = cluster("Bihor Automotive Cluster", a, managerA, "RO", "RO111", List.of("29.32"), null,
                Visibility.PUBLIC);
        pannon = cluster("Pannon Health Technology Cluster", b, managerB, "HU", "HU110",
                List.of("32.50", "21.20", "72.11", "86.90"), "Medical device and biotech companies of Budapest.",
                Visibility.PUBLIC, b1, managerB);
        privateB = cluster("Pannon Board", b, managerB, "HU", "HU110", List.of("94.11"), null, Visibility.ASSOCIATION);
        moravia = cluster("Moravian ICT Cluster", c, c1, "CZ", "CZ064", List.of("62.01"), "Software of Brno.",
                Visibility.PUBLIC, c1);

        adminA = TestData.associationAdmin(a, "somes");
        adminB = TestData.associationAdmin(b, "pannon");
        adminC = TestData.associationAdmin(c, "morava");
        memberA1 = TestData.member("mihai@codeflow.example", a, a1.id());
        memberA2 = TestData.member("ana@iiac.example", a, a2.id());
        memberB1 = TestData.member("bela@dunamedtech.example", b, b1.id());
        viewerA1 = TestData.viewer("viewer@codeflow.example", a, a1.id());
        Map<UUID, List<AssociationAdmins.Recipient>> admins = Map.of(
                a, List.of(new AssociationAdmins.Recipient(adminA.userId(), adminA.email())),
                b, List.of(new AssociationAdmins.Recipient(adminB.userId(), adminB.email())),
                c, List.of(new AssociationAdmins.Recipient(adminC.userId(), adminC.email())));
        this.c2c = new C2cService(db, directory, clock, id -> admins.getOrDefault(id, List.of()));
        c2c.notifications = sent;
    }

    private Organisation org(String name, OrganisationType type, String country, String nuts, UUID association,
            Visibility visibility) {
        return directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name, type, country, nuts,
                null, List.of("62.01"), SizeClass.SMALL, List.of(), null, null, visibility, null, null));
    }

    private Cluster cluster(String name, UUID association, Organisation manager, String country, String nuts,
            List<String> sectors, String description, Visibility visibility, Organisation... members) {
        Cluster k = directory.createCluster(Caller.SYSTEM, new Cluster(null, association, name, manager.id(), country,
                nuts, sectors, description, null, visibility, 0, null, null));
        for (Organisation m : members) {
            directory.addMember(Caller.SYSTEM, k.id(), m.id(), LocalDate.of(2020, 1, 1));
        }
        return directory.cluster(Caller.SYSTEM, k.id()).orElseThrow();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    static ProfileInput profile(List<String> emerging) {
        return new ProfileInput(List.of("62.01"), List.of("Matchmaking", "Training"), "Digital health and mobility.",
                emerging, List.of("en", "ro"), null);
    }

    ProposalInput proposal(Cluster from, Cluster to, String type) {
        return new ProposalInput(from.id().toString(), to.id().toString(), type, "Digital health pilots",
                "We propose joint pilots of software for hospitals.", today().plusMonths(1).toString(),
                today().plusMonths(13).toString());
    }

    long count(String sql, Object... params) {
        return TestData.count(db, sql, params);
    }
}
