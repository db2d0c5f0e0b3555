package eu.danubia.c2b.internal;

import static eu.danubia.c2b.internal.Fixture.toJoin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/** Membership applications through the directory, and the cluster admins' member list; on H2 and PostgreSQL. */
class MembershipTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anAcceptedApplicationMakesTheOrganisationAMember(Database database) {
        Fixture f = new Fixture(database);
        ServiceRequest applied = f.c2b.submit(f.memberB1, toJoin(f.k.id(), "We build medical software."));
        assertThat(applied.kind()).isEqualTo(RequestKind.MEMBERSHIP_APPLICATION);
        assertThat(applied.serviceId()).isNull();
        assertThatThrownBy(() -> f.c2b.submit(f.memberB1, toJoin(f.k.id(), "again")))
                .isInstanceOf(ConflictException.class).hasMessage(C2bService.DUPLICATE);
        assertThat(f.c2b.cluster(f.memberB1, f.k.id()).member()).isFalse();

        assertThatThrownBy(() -> f.c2b.accept(f.adminB, applied.id(), null)).isInstanceOf(ForbiddenException.class);
        assertThat(f.isMember(f.b1, f.k)).isFalse();
        ServiceRequest accepted = f.c2b.accept(f.adminA, applied.id(), new AnswerInput("Welcome aboard"));
        assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(f.isMember(f.b1, f.k)).isTrue();
        assertThat(f.c2b.cluster(f.memberB1, f.k.id()).member()).isTrue();
        assertThat(f.sent.ofKind(Notifier.REQUEST_ACCEPTED).get(0).text()).contains("now a member", "Welcome aboard");
        assertThat(f.c2b.members(f.adminA, f.k.id())).extracting(Member::name)
                .containsExactly("Datanord Analytics SRL", "Duna Medtech Kft.");

        assertThatThrownBy(() -> f.c2b.submit(f.memberB1, toJoin(f.k.id(), "once more")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already a member");
        assertThatThrownBy(() -> f.c2b.submit(f.memberA2, toJoin(f.k.id(), "hi")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already a member");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void whenTheDirectoryRefusesNothingChanges(Database database) {
        Fixture f = new Fixture(database);
        // B2 is visible to its own association only: A's admin cannot list it as a member
        ServiceRequest applied = f.c2b.submit(f.memberB2, toJoin(f.k.id(), "Drives for data centres"));
        assertThatThrownBy(() -> f.c2b.accept(f.adminA, applied.id(), new AnswerInput("Welcome")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("The directory refused the membership")
                .hasMessageContaining("another association");
        assertThat(f.isMember(f.b2, f.k)).isFalse();
        assertThat(f.c2b.request(f.adminA, applied.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(f.sent.ofKind(Notifier.REQUEST_ACCEPTED)).isEmpty();
        assertThat(f.recorded).extracting(c -> c.kind().name()).containsExactly("INTEREST");
        // the admin can still decline it
        assertThat(f.c2b.decline(f.adminA, applied.id(), new AnswerInput("Make your profile public first")).status())
                .isEqualTo(RequestStatus.DECLINED);
        assertThat(f.sent.ofKind(Notifier.REQUEST_DECLINED).get(0).text()).contains("Make your profile public first");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void applicationsGoOnlyToVisibleClusters(Database database) {
        Fixture f = new Fixture(database);
        assertThatThrownBy(() -> f.c2b.submit(f.memberB1, toJoin(f.p.id(), "hi"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.submit(f.memberB1, toJoin(UUID.randomUUID(), "hi")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.cluster(f.anonymous, f.p.id())).isInstanceOf(NotFoundException.class);
        assertThat(f.c2b.submit(f.memberA1, toJoin(f.p.id(), null)).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(f.c2b.accept(f.adminA, f.c2b.requests(f.adminA, ServiceRequest.Box.IN).get(0).id(), null).status())
                .isEqualTo(RequestStatus.ACCEPTED);
        assertThat(f.isMember(f.a1, f.p)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void onlyTheClusterAdminsSeeAndChangeTheMemberList(Database database) {
        Fixture f = new Fixture(database);
        assertThat(f.c2b.members(f.adminA, f.k.id())).extracting(Member::organisationId, Member::country)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(f.a2.id(), "RO"));
        assertThat(f.c2b.members(f.platformAdmin, f.k.id())).hasSize(1);
        for (Caller c : List.of(f.adminB, f.memberB1, f.memberA1, f.memberA2, f.officeA0)) {
            assertThatThrownBy(() -> f.c2b.members(c, f.k.id())).as(c.email()).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> f.c2b.removeMember(c, f.k.id(), f.a2.id())).as(c.email())
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> f.c2b.members(f.adminB, f.p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.removeMember(f.adminB, f.p.id(), f.a2.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.members(f.anonymous, f.k.id())).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2b.removeMember(f.anonymous, f.k.id(), f.a2.id()))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2b.removeMember(f.adminA, f.k.id(), f.b1.id())).isInstanceOf(NotFoundException.class);

        f.c2b.removeMember(f.adminA, f.k.id(), f.a2.id());
        assertThat(f.isMember(f.a2, f.k)).isFalse();
        assertThat(f.c2b.members(f.adminA, f.k.id())).isEmpty();
        assertThat(f.c2b.cluster(f.adminA, f.k.id()).administers()).isTrue();
        assertThat(f.c2b.cluster(f.officeA0, f.k.id())).extracting(C2bService.ClusterInfo::administers,
                C2bService.ClusterInfo::managesServices).containsExactly(false, true);
        assertThat(f.c2b.cluster(f.anonymous, f.k.id()).member()).isNull();
    }
}
