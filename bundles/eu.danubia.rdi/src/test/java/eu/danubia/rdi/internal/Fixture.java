package eu.danubia.rdi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.testing.MutableClock;

/**
 * Three associations on a fresh database with the real directory and the bundled CORDIS calls:
 * A (Romania) with a university and an SME, B (Hungary) with a research institute and an SME,
 * C (Czechia) with an SME and a public body that only its association reads; callers of every kind;
 * a notification service and a cooperation listener that record what they are told.
 */
final class Fixture {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** A real Horizon Europe Cluster 5 topic of topics.tsv. */
    static final String CL5_TOPIC = "HORIZON-CL5-2024-D3-01-02";

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    final Database db;
    final DirectoryServiceImpl directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifications sent = new RecordingNotifications();
    final List<Cooperation> cooperations = Collections.synchronizedList(new ArrayList<>());
    final RdiService rdi;

    final Organisation university;
    final Organisation roSme;
    final Organisation huInstitute;
    final Organisation huSme;
    final Organisation czSme;
    final Organisation czCity;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = new Caller(UUID.randomUUID(), "root@danubia.example", null, null, Set.of(Role.PLATFORM_ADMIN));
    final Caller adminA;
    final Caller adminB;
    final Caller adminC;
    final Caller memberUniversity;
    final Caller viewerUniversity;
    final Caller memberRoSme;
    final Caller memberHuInstitute;
    final Caller memberHuSme;
    final Caller memberCzSme;

    Fixture(Database database) {
        this.db = database;
        this.directory = new DirectoryServiceImpl(db);
        db.transaction(x -> {
            association(x, a, "somes");
            association(x, b, "pannon");
            association(x, c, "morava");
            return null;
        });
        university = org("Universitatea Tehnică Cluj-Napoca", OrganisationType.RESEARCH, SizeClass.LARGE, "RO", a,
                "Technical university: photovoltaic materials, power electronics and energy storage research.",
                Visibility.PUBLIC);
        roSme = org("Solaris Cluj SRL", OrganisationType.BUSINESS, SizeClass.SMALL, "RO", a,
                "Installs rooftop photovoltaic systems.", Visibility.PUBLIC);
        huInstitute = org("Pannon Energy Research Institute", OrganisationType.RESEARCH, SizeClass.MEDIUM, "HU", b,
                "Applied research on low-power photovoltaic cells and thin films.", Visibility.PUBLIC);
        huSme = org("Duna Power Kft", OrganisationType.BUSINESS, SizeClass.SMALL, "HU", b,
                "Power electronics for small photovoltaic inverters.", Visibility.PUBLIC);
        czSme = org("Brno Sensors s.r.o.", OrganisationType.BUSINESS, SizeClass.MICRO, "CZ", c,
                "Low-power sensor nodes powered by indoor photovoltaic harvesting.", Visibility.PUBLIC);
        czCity = org("Brno City Energy Office", OrganisationType.PUBLIC_BODY, SizeClass.SMALL, "CZ", c,
                "Runs municipal pilot sites for photovoltaic street furniture.", Visibility.ASSOCIATION);
        adminA = new Caller(UUID.randomUUID(), "admin@somes.example", a, null, Set.of(Role.ASSOCIATION_ADMIN));
        adminB = new Caller(UUID.randomUUID(), "admin@pannon.example", b, null, Set.of(Role.ASSOCIATION_ADMIN));
        adminC = new Caller(UUID.randomUUID(), "admin@morava.example", c, null, Set.of(Role.ASSOCIATION_ADMIN));
        memberUniversity = new Caller(UUID.randomUUID(), "ioana@utcn.example", a, university.id(), Set.of(Role.MEMBER));
        viewerUniversity = new Caller(UUID.randomUUID(), "viewer@utcn.example", a, university.id(), Set.of(Role.VIEWER));
        memberRoSme = new Caller(UUID.randomUUID(), "dan@solaris.example", a, roSme.id(), Set.of(Role.MEMBER));
        memberHuInstitute = new Caller(UUID.randomUUID(), "zsofia@pannon-eri.example", b, huInstitute.id(),
                Set.of(Role.MEMBER));
        memberHuSme = new Caller(UUID.randomUUID(), "peter@dunapower.example", b, huSme.id(), Set.of(Role.MEMBER));
        memberCzSme = new Caller(UUID.randomUUID(), "jana@brnosensors.example", c, czSme.id(), Set.of(Role.MEMBER));
        this.rdi = new RdiService(db, directory, Settings.DEFAULTS, clock);
        rdi.notifications = sent;
        rdi.cooperationListeners = List.of(cooperations::add);
    }

    private Organisation org(String name, OrganisationType type, SizeClass size, String country, UUID association,
            String description, Visibility visibility) {
        return directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name, type, country, null,
                null, List.of(), size, List.of(), null, description, visibility, null, null));
    }

    private static void association(Connection c, UUID id, String slug) throws SQLException {
        Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                id, slug, "Association " + slug, "RO", Instant.now());
    }

    // ---- inputs and flows -------------------------------------------------------------------

    static IdeaInput.RoleInput role(String role, String country) {
        return new IdeaInput.RoleInput(null, role, country);
    }

    /** The main flow's idea: low-power PV, the university coordinating, a HU research partner and an SME wanted. */
    static IdeaInput pvIdea(String visibility) {
        return new IdeaInput(null, "Low-power photovoltaics for sensor networks",
                "We develop low-power photovoltaic cells and thin films that power indoor sensor networks, and test "
                        + "them in municipal pilot sites.",
                CL5_TOPIC, visibility, null,
                List.of(role("COORDINATOR", null), role("RESEARCH_PARTNER", "HU"), role("SME", null)));
    }

    /** Created by the university's member and published. */
    Idea openIdea(String visibility) {
        Idea i = rdi.createIdea(memberUniversity, pvIdea(visibility));
        return rdi.publish(memberUniversity, i.id());
    }

    static UUID roleId(Idea idea, RoleKind kind) {
        return idea.roles().stream().filter(r -> r.role() == kind).findFirst().orElseThrow().id();
    }

    long count(String sql, Object... params) {
        return db.read(x -> Jdbc.count(x, sql, params));
    }

    /** Records every notification. */
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

    /** Keeps the compiler honest about the listener type used above. */
    static CooperationListener listener(List<Cooperation> sink) {
        return sink::add;
    }
}
