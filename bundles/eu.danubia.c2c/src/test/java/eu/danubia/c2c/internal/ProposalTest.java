package eu.danubia.c2c.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.notification.Notification;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/** Partnership proposals: the main flow, who may do what, and the notifications; on H2 and PostgreSQL. */
class ProposalTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aRomanianClusterProposesAndTheHungarianClusterAcceptsStartsAndEnds(Database database) {
        Fixture f = new Fixture(database);
        Proposal p = f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "joint_project"));
        assertThat(p.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(p.type()).isEqualTo(ProposalType.JOINT_PROJECT);
        assertThat(p.direction()).isEqualTo(Proposal.Box.OUT);
        assertThat(p.actions()).containsExactly("withdraw");
        assertThat(p.from().clusterName()).isEqualTo("Someș Digital Cluster");
        assertThat(p.to().clusterName()).isEqualTo("Pannon Health Technology Cluster");
        assertThat(p.startOn()).isEqualTo(f.today().plusMonths(1));

        Notification received = f.sent.ofKind(Notifier.RECEIVED).get(0);
        assertThat(f.sent.all).hasSize(1);
        assertThat(received.userId()).isEqualTo(f.adminB.userId());
        assertThat(received.associationId()).isEqualTo(f.b);
        assertThat(received.link()).isEqualTo("#/c2c/proposals/" + p.id());
        assertThat(received.subject()).contains("Someș Digital Cluster");

        assertThat(f.c2c.proposals(f.adminB, Proposal.Box.IN)).extracting(Proposal::id).containsExactly(p.id());
        assertThat(f.c2c.proposals(f.adminB, Proposal.Box.OUT)).isEmpty();
        assertThat(f.c2c.proposals(f.adminA, Proposal.Box.OUT)).extracting(Proposal::id).containsExactly(p.id());
        assertThat(f.c2c.proposals(f.adminA, Proposal.Box.IN)).isEmpty();
        assertThat(f.c2c.proposals(f.adminC, null)).isEmpty();
        assertThat(f.c2c.proposals(f.platformAdmin, null)).extracting(Proposal::id).containsExactly(p.id());
        Proposal inbox = f.c2c.proposal(f.adminB, p.id());
        assertThat(inbox.direction()).isEqualTo(Proposal.Box.IN);
        assertThat(inbox.actions()).containsExactly("accept", "decline");

        f.clock.advance(Duration.ofHours(2));
        Proposal accepted = f.c2c.accept(f.adminB, p.id());
        assertThat(accepted.status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(accepted.answeredAt()).isEqualTo(Fixture.START.plusSeconds(7200));
        assertThat(accepted.actions()).containsExactly("start");
        assertThat(f.sent.ofKind(Notifier.ACCEPTED)).extracting(Notification::userId).containsExactly(f.adminA.userId());

        Proposal active = f.c2c.start(f.adminA, p.id());
        assertThat(active.status()).isEqualTo(ProposalStatus.ACTIVE);
        assertThat(active.startedAt()).isNotNull();
        assertThat(f.sent.ofKind(Notifier.STARTED)).extracting(Notification::userId).containsExactly(f.adminB.userId());
        Proposal ended = f.c2c.end(f.adminB, p.id());
        assertThat(ended.status()).isEqualTo(ProposalStatus.ENDED);
        assertThat(ended.actions()).isEmpty();
        assertThat(f.sent.ofKind(Notifier.ENDED)).extracting(Notification::userId).containsExactly(f.adminA.userId());
        // nobody is told of their own action
        assertThat(f.sent.all).hasSize(4).noneMatch(n -> n.userId().equals(f.adminB.userId()) && !n.kind().equals(Notifier.RECEIVED)
                && !n.kind().equals(Notifier.STARTED));
        // a new proposal of the same type is possible once it ended
        assertThat(f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "JOINT_PROJECT")).status())
                .isEqualTo(ProposalStatus.PROPOSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void onlyTheTwoAssociationsAdminsSeeAProposalAndEachActionBelongsToOneSide(Database database) {
        Fixture f = new Fixture(database);
        UUID id = f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "STUDY_VISIT")).id();

        // nobody else reads it: members of either association, a third association's admin, anonymous
        for (Caller outsider : List.of(f.memberA1, f.viewerA1, f.memberB1, f.adminC)) {
            assertThatThrownBy(() -> f.c2c.proposal(outsider, id)).as(outsider.email()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2c.accept(outsider, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2c.decline(outsider, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2c.withdraw(outsider, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2c.start(outsider, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2c.end(outsider, id)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> f.c2c.proposal(f.anonymous, id)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2c.accept(f.anonymous, id)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2c.proposal(f.adminA, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        for (Caller member : List.of(f.memberA1, f.memberB1)) {
            assertThatThrownBy(() -> f.c2c.proposals(member, null)).isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> f.c2c.proposals(f.anonymous, null)).isInstanceOf(UnauthorizedException.class);

        // the proposing side can neither answer nor start; the target side cannot withdraw
        assertThatThrownBy(() -> f.c2c.accept(f.adminA, id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.c2c.decline(f.adminA, id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.c2c.withdraw(f.adminB, id)).isInstanceOf(ForbiddenException.class);
        // wrong status
        assertThatThrownBy(() -> f.c2c.start(f.adminA, id)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.c2c.end(f.adminB, id)).isInstanceOf(ConflictException.class);

        Proposal declined = f.c2c.decline(f.adminB, id);
        assertThat(declined.status()).isEqualTo(ProposalStatus.DECLINED);
        assertThat(f.sent.ofKind(Notifier.DECLINED)).extracting(Notification::userId).containsExactly(f.adminA.userId());
        assertThatThrownBy(() -> f.c2c.accept(f.adminB, id)).isInstanceOf(ConflictException.class)
                .hasMessage("Only proposals awaiting an answer can be accepted");
        assertThatThrownBy(() -> f.c2c.withdraw(f.adminA, id)).isInstanceOf(ConflictException.class);

        // the proposer withdraws another one; the target side is told
        UUID other = f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "MEMBER_EXCHANGE")).id();
        assertThat(f.c2c.withdraw(f.adminA, other).status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(f.sent.ofKind(Notifier.WITHDRAWN)).extracting(Notification::userId).containsExactly(f.adminB.userId());

        // a platform admin sees and may do everything
        UUID third = f.c2c.propose(f.adminB, f.proposal(f.pannon, f.moravia, "JOINT_ACTION")).id();
        assertThat(f.c2c.proposal(f.platformAdmin, third).direction()).isNull();
        assertThat(f.c2c.accept(f.platformAdmin, third).status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(f.c2c.proposals(f.adminC, Proposal.Box.IN)).extracting(Proposal::id).containsExactly(third);
        assertThatThrownBy(() -> f.c2c.proposal(f.adminA, third)).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aProposalNeedsAnAdminOfTheProposingClusterAndAVisibleClusterOfAnotherAssociation(Database database) {
        Fixture f = new Fixture(database);
        for (Caller member : List.of(f.memberA1, f.viewerA1)) {
            assertThatThrownBy(() -> f.c2c.propose(member, f.proposal(f.somes, f.pannon, "STUDY_VISIT")))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> f.c2c.propose(f.anonymous, f.proposal(f.somes, f.pannon, "STUDY_VISIT")))
                .isInstanceOf(UnauthorizedException.class);
        // for another association's cluster
        assertThatThrownBy(() -> f.c2c.propose(f.adminB, f.proposal(f.somes, f.moravia, "STUDY_VISIT")))
                .isInstanceOf(ForbiddenException.class);
        // to a cluster the caller may not read, or of its own association
        ValidationException hidden = catchThrowableOfType(
                () -> f.c2c.propose(f.adminA, f.proposal(f.somes, f.privateB, "STUDY_VISIT")), ValidationException.class);
        assertThat(hidden.errors()).containsEntry("toClusterId", "is not a known cluster");
        ValidationException own = catchThrowableOfType(
                () -> f.c2c.propose(f.adminA, f.proposal(f.somes, f.bihor, "STUDY_VISIT")), ValidationException.class);
        assertThat(own.errors()).containsEntry("toClusterId", "must be a cluster of another association");

        ValidationException all = catchThrowableOfType(() -> f.c2c.propose(f.adminA, new ProposalInput(
                f.somes.id().toString(), "not-a-uuid", "PICNIC", " ", "x".repeat(4001),
                f.today().minusDays(1).toString(), "soon")), ValidationException.class);
        assertThat(all.errors()).containsOnlyKeys("toClusterId", "type", "title", "message", "startOn", "endOn");
        ValidationException order = catchThrowableOfType(() -> f.c2c.propose(f.adminA, new ProposalInput(
                f.somes.id().toString(), f.pannon.id().toString(), "STUDY_VISIT", "Visit", "Come and see",
                f.today().plusDays(10).toString(), f.today().plusDays(5).toString())), ValidationException.class);
        assertThat(order.errors()).containsOnlyKeys("endOn");
        assertThat(f.count("SELECT COUNT(*) FROM c2c_proposals")).isZero();

        // one open proposal of a type per pair of clusters, in either direction
        f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "STUDY_VISIT"));
        assertThatThrownBy(() -> f.c2c.propose(f.adminA, f.proposal(f.somes, f.pannon, "STUDY_VISIT")))
                .isInstanceOf(ConflictException.class).hasMessage(C2cService.DUPLICATE);
        assertThatThrownBy(() -> f.c2c.propose(f.adminB, f.proposal(f.pannon, f.somes, "STUDY_VISIT")))
                .isInstanceOf(ConflictException.class);
        assertThat(f.c2c.propose(f.adminB, f.proposal(f.pannon, f.somes, "JOINT_ACTION")).status())
                .isEqualTo(ProposalStatus.PROPOSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void thePlatformItselfNotifiesNobodyAndAFailingNotifierFailsNothing(Database database) {
        Fixture f = new Fixture(database);
        Caller demo = new Caller(Caller.SYSTEM.userId(), Caller.SYSTEM.email(), f.a, null,
                java.util.Set.of(eu.danubia.api.security.Role.ASSOCIATION_ADMIN));
        UUID id = f.c2c.propose(demo, f.proposal(f.somes, f.pannon, "STUDY_VISIT")).id();
        assertThat(f.sent.all).isEmpty();

        f.c2c.notifications = n -> {
            throw new IllegalStateException("mail server down");
        };
        assertThat(f.c2c.accept(f.adminB, id).status()).isEqualTo(ProposalStatus.ACCEPTED);
        f.c2c.notifications = null;
        assertThat(f.c2c.start(f.adminB, id).status()).isEqualTo(ProposalStatus.ACTIVE);
    }
}
