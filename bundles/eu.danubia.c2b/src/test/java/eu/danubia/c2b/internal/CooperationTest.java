package eu.danubia.c2b.internal;

import static eu.danubia.c2b.internal.Fixture.forService;
import static eu.danubia.c2b.internal.Fixture.toJoin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.store.Database;

/** The cooperation record for indicators, its listeners, and the organisation page's activity; on H2 and PostgreSQL. */
class CooperationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void requestsAreInterestsAndAcceptancesAgreements(Database database) {
        Fixture f = new Fixture(database);
        C2bCooperationActivity activity = new C2bCooperationActivity(f.c2b);
        UUID s = f.published("GDPR workshop").id();
        ServiceRequest asked = f.c2b.submit(f.memberB1, forService(s, "Please"));
        f.clock.advance(Duration.ofHours(1));
        ServiceRequest joined = f.c2b.submit(f.memberA1, toJoin(f.k.id(), null));
        f.clock.advance(Duration.ofHours(1));
        ServiceRequest accepted = f.c2b.accept(f.adminA, asked.id(), null);

        Cooperation interest = new Cooperation("c2b", Cooperation.Kind.INTEREST, asked.id(), f.b1.id(), f.a0.id(),
                asked.createdAt());
        Cooperation agreement = new Cooperation("c2b", Cooperation.Kind.AGREEMENT,
                CooperationEvents.agreementId(asked.id()), f.b1.id(), f.a0.id(), accepted.answeredAt());
        assertThat(f.recorded).containsExactly(interest,
                new Cooperation("c2b", Cooperation.Kind.INTEREST, joined.id(), f.a1.id(), f.a0.id(), joined.createdAt()),
                agreement);
        assertThat(agreement.id()).isNotEqualTo(asked.id());

        assertThat(activity.mode()).isEqualTo("c2b");
        assertThat(activity.cooperations(List.of(f.b1.id()))).containsExactly(interest, agreement);
        // the cluster office is the "to" side of everything
        assertThat(activity.cooperations(List.of(f.a0.id()))).hasSize(3);
        assertThat(activity.cooperations(List.of(f.a0.id(), f.b1.id(), f.a1.id()))).hasSize(3);
        assertThat(activity.cooperations(List.of(UUID.randomUUID()))).isEmpty();
        assertThat(activity.cooperations(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aListenerThatFailsNeverFailsTheRequest(Database database) {
        Fixture f = new Fixture(database);
        f.c2b.cooperationListeners = List.of(c -> {
            throw new IllegalStateException("indicators down");
        });
        f.c2b.notifications = n -> {
            throw new IllegalStateException("mail down");
        };
        UUID s = f.published("GDPR workshop").id();
        UUID id = f.c2b.submit(f.memberB1, forService(s, "Please")).id();
        assertThat(f.c2b.accept(f.adminA, id, null).status()).isEqualTo(RequestStatus.ACCEPTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anOrganisationsActivityShowsOnlyWhatTheCallerMayRead(Database database) {
        Fixture f = new Fixture(database);
        C2bOrganisationActivity activity = new C2bOrganisationActivity(f.c2b);
        UUID s = f.published("GDPR workshop").id();
        f.clock.advance(Duration.ofMinutes(1));
        UUID draft = f.c2b.createService(f.officeA0, Fixture.serviceOf(f.k.id()).title("Draft").status("DRAFT").build()).id();
        f.clock.advance(Duration.ofMinutes(1));
        UUID asked = f.c2b.submit(f.memberB1, forService(s, "Please")).id();

        assertThat(activity.label()).isEqualTo("Cluster services");
        List<ActivityItem> mine = activity.activity(f.memberB1, f.b1.id(), 10);
        assertThat(mine).extracting(ActivityItem::kind, ActivityItem::title, ActivityItem::status, ActivityItem::href)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Service request", "GDPR workshop", "SUBMITTED",
                        "#/c2b/requests/" + asked));
        assertThat(activity.activity(f.adminB, f.b1.id(), 10)).hasSize(1);
        assertThat(activity.activity(f.adminA, f.b1.id(), 10)).hasSize(1);
        assertThat(activity.activity(f.memberB2, f.b1.id(), 10)).isEmpty();
        assertThat(activity.activity(f.anonymous, f.b1.id(), 10)).isEmpty();
        assertThat(activity.activity(f.memberB1, f.b1.id(), 0)).isEmpty();

        // the cluster office's services: drafts only for those who manage them
        assertThat(activity.activity(f.anonymous, f.a0.id(), 10)).extracting(ActivityItem::href)
                .containsExactly("#/c2b/services/" + s);
        assertThat(activity.activity(f.adminA, f.a0.id(), 10)).extracting(ActivityItem::href)
                .containsExactly("#/c2b/services/" + draft, "#/c2b/services/" + s);
        assertThat(activity.activity(f.adminA, f.a0.id(), 1)).hasSize(1);
    }
}
