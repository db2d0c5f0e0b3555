package eu.danubia.c2c.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.store.Database;

/** The cooperation record for indicators, its listeners, and the organisation page's C2C items; on H2 and PostgreSQL. */
class ActivityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void proposalsAreInterestsAndAcceptancesAgreementsBetweenTheManagingOrganisations(Database database) {
        Fixture f = new Fixture(database);
        List<Cooperation> heard = Collections.synchronizedList(new ArrayList<>());
        CooperationListener failing = c -> {
            throw new IllegalStateException("listener down");
        };
        f.c2c.cooperationListeners = List.of(failing, heard::add);
        C2cCooperationActivity activity = new C2cCooperationActivity(f.c2c);

        Proposal p = f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "JOINT_PROJECT"));
        f.clock.advance(Duration.ofHours(1));
        Proposal accepted = f.c2c.accept(f.adminB, p.id());
        Proposal declined = f.c2c.propose(f.adminC, f.proposal(f.moravia, f.somes, "STUDY_VISIT"));
        f.c2c.decline(f.adminA, declined.id());

        Cooperation interest = new Cooperation("c2c", Cooperation.Kind.INTEREST, p.id(), f.managerA.id(), f.managerB.id(),
                p.createdAt());
        Cooperation agreement = new Cooperation("c2c", Cooperation.Kind.AGREEMENT, p.id(), f.managerA.id(),
                f.managerB.id(), accepted.answeredAt());
        assertThat(heard).containsExactly(interest, agreement,
                new Cooperation("c2c", Cooperation.Kind.INTEREST, declined.id(), f.c1.id(), f.managerA.id(),
                        declined.createdAt()));
        assertThat(activity.mode()).isEqualTo("c2c");
        assertThat(activity.cooperations(List.of(f.managerB.id()))).containsExactly(interest, agreement);
        // a declined proposal stays an interest, never an agreement
        assertThat(activity.cooperations(List.of(f.managerA.id()))).hasSize(3);
        assertThat(activity.cooperations(List.of(f.managerA.id(), f.managerB.id(), f.c1.id()))).hasSize(3);
        assertThat(activity.cooperations(List.of(f.a1.id()))).isEmpty();
        assertThat(activity.cooperations(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anOrganisationPageListsTheProfilesOfItsClustersAndTheirProposalsForTheirAdmins(Database database) {
        Fixture f = new Fixture(database);
        C2cOrganisationActivity activity = new C2cOrganisationActivity(f.c2c);
        f.c2c.saveProfile(f.adminA, f.privateA.id(), Fixture.profile(List.of()));
        f.clock.advance(Duration.ofMinutes(1));
        f.c2c.saveProfile(f.adminA, f.somes.id(), Fixture.profile(List.of()));
        f.clock.advance(Duration.ofMinutes(5));
        Proposal p = f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "JOINT_PROJECT"));

        assertThat(activity.mode()).isEqualTo("c2c");
        assertThat(activity.label()).isEqualTo("Cluster partnerships");
        // the manager of Someș: its public and private cluster profiles and the proposal
        List<ActivityItem> admin = activity.activity(f.adminA, f.managerA.id(), 10);
        assertThat(admin).extracting(ActivityItem::href).containsExactly("#/c2c/proposals/" + p.id(),
                "#/c2c/clusters/" + f.somes.id(), "#/c2c/clusters/" + f.privateA.id());
        assertThat(admin.get(0).status()).isEqualTo("PROPOSED");
        assertThat(admin.get(0).title()).contains("Someș Digital Cluster → Pannon Health Technology Cluster");
        assertThat(activity.activity(f.adminA, f.managerA.id(), 1)).hasSize(1);
        // the other side's admin sees the proposal too; members and outsiders only what is public
        assertThat(activity.activity(f.adminB, f.managerA.id(), 10)).extracting(ActivityItem::href)
                .containsExactly("#/c2c/proposals/" + p.id(), "#/c2c/clusters/" + f.somes.id());
        assertThat(activity.activity(f.memberA1, f.managerA.id(), 10)).extracting(ActivityItem::href)
                .containsExactlyInAnyOrder("#/c2c/clusters/" + f.somes.id(), "#/c2c/clusters/" + f.privateA.id());
        assertThat(activity.activity(f.adminC, f.managerA.id(), 10)).extracting(ActivityItem::href)
                .containsExactly("#/c2c/clusters/" + f.somes.id());
        assertThat(activity.activity(null, f.managerA.id(), 10)).extracting(ActivityItem::href)
                .containsExactly("#/c2c/clusters/" + f.somes.id());
        // a member organisation: the profile of its cluster
        assertThat(activity.activity(f.anonymous, f.a1.id(), 10)).extracting(ActivityItem::kind)
                .containsExactly("Cluster profile");
        assertThat(activity.activity(f.anonymous, UUID.randomUUID(), 10)).isEmpty();
    }
}
