package eu.danubia.rdi.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.security.Caller;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.testing.MutableClock;
import eu.danubia.store.testing.RecordingNotifications;
import eu.danubia.store.testing.TestData;

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

    final RdiService rdi;
    final Database db;
    final DirectoryServiceImpl directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifications sent = new RecordingNotifications();
    final List<Cooperation> cooperations = Collections.synchronizedList(new ArrayList<>());

    final UUID a;
    final Organisation university;
    final Organisation roSme;
    final UUID b;
    final Organisation huInstitute;
    final Organisation huSme;
    final UUID c;
    final Organisation czSme;
    final Organisation czCity;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = TestData.platformAdmin();
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
        a = TestData.association(db, "somes");
        b = TestData.association(db, "pannon");
        c = TestData.association(db, "morava");
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
        adminA = TestData.associationAdmin(a, "somes");
        adminB = TestData.associationAdmin(b, "pannon");
        adminC = TestData.associationAdmin(c, "morava");
        memberUniversity = TestData.member("ioana@utcn.example", a, university.id());
        viewerUniversity = TestData.viewer("viewer@utcn.example", a, university.id());
        memberRoSme = TestData.member("dan@solaris.example", a, roSme.id());
        memberHuInstitute = TestData.member("zsofia@pannon-eri.example", b, huInstitute.id());
        memberHuSme = TestData.member("peter@dunapower.example", b, huSme.id());
        memberCzSme = TestData.member("jana@brnosensors.example", c, czSme.id());
        this.rdi = new RdiService(db, directory, Settings.DEFAULTS, clock);
        rdi.notifications = sent;
        rdi.cooperationListeners = List.of(cooperations::add);
    }

    Organisation org(String name, OrganisationType type, SizeClass size, String country, UUID association,
            String description, Visibility visibility) {
        return directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name, type, country, null,
                null, List.of(), size, List.of(), null, description, visibility, null, null));
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
        return TestData.count(db, sql, params);
    }

    /** Keeps the compiler honest about the listener type used above. */
    static CooperationListener listener(List<Cooperation> sink) {
        return sink::add;
    }
}
