package eu.danubia.c2b.internal;

import static eu.danubia.c2b.internal.Fixture.forService;
import static eu.danubia.c2b.internal.Fixture.serviceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Set;
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
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;

/** Service requests: the main flow, who reads and answers what, duplicates and eligibility; on H2 and PostgreSQL. */
class RequestTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anSmeRequestsAServiceAndTheClusterAnswers(Database database) {
        Fixture f = new Fixture(database);
        // the office edited the service: it is the cluster's contact for new requests
        ClusterService s = f.c2b.createService(f.officeA0, Fixture.service(f.k.id(), "GDPR workshop"));

        ServiceRequest sent = f.c2b.submit(f.memberB1, forService(s.id(), "  We have 12 developers. "));
        assertThat(sent.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(sent.kind()).isEqualTo(RequestKind.SERVICE_REQUEST);
        assertThat(sent.message()).isEqualTo("We have 12 developers.");
        assertThat(sent.serviceTitle()).isEqualTo("GDPR workshop");
        assertThat(sent.clusterName()).isEqualTo("Someș Digital Cluster");
        assertThat(sent.organisationName()).isEqualTo("Duna Medtech Kft.");
        assertThat(sent.box()).isEqualTo(ServiceRequest.Box.OUT);
        assertThat(sent.canWithdraw()).isTrue();
        assertThat(sent.canAnswer()).isFalse();
        assertThat(sent.requesterEmail()).isNull();

        List<Notification> received = f.sent.ofKind(Notifier.REQUEST_RECEIVED);
        assertThat(received).extracting(Notification::userId).containsExactly(f.officeA0.userId());
        assertThat(received.get(0).subject()).contains("GDPR workshop");
        assertThat(received.get(0).text()).contains("Duna Medtech Kft.");
        assertThat(received.get(0).link()).isEqualTo("#/c2b/inbox");

        ServiceRequest inInbox = f.c2b.requests(f.adminA, ServiceRequest.Box.IN).get(0);
        assertThat(inInbox.id()).isEqualTo(sent.id());
        assertThat(inInbox.canAnswer()).isTrue();
        assertThat(inInbox.requesterEmail()).isEqualTo("bela@duna-medtech.example");
        f.clock.advance(Duration.ofHours(2));
        ServiceRequest accepted = f.c2b.accept(f.adminA, sent.id(), new AnswerInput(" Welcome: 12 May, 9:00, Cluj. "));
        assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(accepted.answer()).isEqualTo("Welcome: 12 May, 9:00, Cluj.");
        assertThat(accepted.answeredAt()).isEqualTo(Fixture.START.plus(Duration.ofHours(2)));

        ServiceRequest seen = f.c2b.requests(f.memberB1, ServiceRequest.Box.OUT).get(0);
        assertThat(seen.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(seen.answer()).isEqualTo("Welcome: 12 May, 9:00, Cluj.");
        assertThat(seen.canWithdraw()).isFalse();
        List<Notification> answered = f.sent.ofKind(Notifier.REQUEST_ACCEPTED);
        assertThat(answered).extracting(Notification::userId).containsExactly(f.memberB1.userId());
        assertThat(answered.get(0).text()).contains("Welcome: 12 May, 9:00, Cluj.");
        assertThat(answered.get(0).link()).isEqualTo("#/c2b/requests/" + sent.id());
        assertThat(answered.get(0).associationId()).isEqualTo(f.b);
        assertThatThrownBy(() -> f.c2b.decline(f.adminA, sent.id(), new AnswerInput("No")))
                .isInstanceOf(ConflictException.class);

        // the admin who answered is a contact now too
        f.c2b.submit(f.memberB2, forService(s.id(), "We too"));
        assertThat(f.sent.ofKind(Notifier.REQUEST_RECEIVED)).extracting(Notification::userId)
                .containsExactlyInAnyOrder(f.officeA0.userId(), f.adminA.userId(), f.officeA0.userId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theClusterAssociationsActiveAdminsAreToldOfANewRequestBeforeTheyEverActed(Database database) {
        Fixture f = new Fixture(database);
        Caller inactiveAdmin = new Caller(UUID.randomUUID(), "former@somes.example", f.a, null, Set.of(Role.ASSOCIATION_ADMIN));
        f.c2b.accounts = new Fixture.Accounts(List.of(Fixture.Accounts.user(f.adminA, true), Fixture.Accounts.user(inactiveAdmin, false),
                Fixture.Accounts.user(f.memberA2, true), Fixture.Accounts.user(f.adminB, true),
                Fixture.Accounts.user(f.officeA0, true)));
        ClusterService s = f.c2b.createService(f.officeA0, Fixture.service(f.k.id(), "GDPR workshop"));

        f.c2b.submit(f.memberB1, forService(s.id(), "We have 12 developers."));

        // the admin of the cluster's association, and the office that edited the service, each once
        assertThat(f.sent.ofKind(Notifier.REQUEST_RECEIVED)).extracting(Notification::userId)
                .containsExactlyInAnyOrder(f.adminA.userId(), f.officeA0.userId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everySideReadsAndActsOnlyAsItMay(Database database) {
        Fixture f = new Fixture(database);
        UUID s = f.published("GDPR workshop").id();
        UUID id = f.c2b.submit(f.memberB1, forService(s, "Please")).id();

        // readers: the requester's organisation (any role), its association's admin, the cluster's admins
        Caller viewerB1 = new Caller(UUID.randomUUID(), "viewer@duna.example", f.b, f.b1.id(), Set.of(Role.VIEWER));
        for (Caller c : List.of(f.memberB1, viewerB1, f.adminB, f.adminA, f.platformAdmin)) {
            assertThat(f.c2b.request(c, id).id()).as(c.email()).isEqualTo(id);
        }
        assertThat(f.c2b.request(f.adminB, id).box()).isEqualTo(ServiceRequest.Box.OUT);
        assertThat(f.c2b.request(f.adminA, id).box()).isEqualTo(ServiceRequest.Box.IN);
        // not: another organisation of either association, the cluster office (catalogue only)
        for (Caller c : List.of(f.memberB2, f.memberA1, f.memberA2, f.officeA0)) {
            assertThatThrownBy(() -> f.c2b.request(c, id)).as(c.email()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2b.accept(c, id, null)).as(c.email()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> f.c2b.withdraw(c, id, null)).as(c.email()).isInstanceOf(NotFoundException.class);
            assertThat(f.c2b.requests(c, null)).as(c.email()).isEmpty();
        }
        assertThatThrownBy(() -> f.c2b.request(f.anonymous, id)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2b.requests(f.anonymous, null)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2b.accept(f.anonymous, id, null)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2b.request(f.adminA, UUID.randomUUID())).isInstanceOf(NotFoundException.class);

        // the requester's side cannot answer; the cluster's side cannot withdraw; viewers change nothing
        for (Caller c : List.of(f.memberB1, viewerB1, f.adminB)) {
            assertThatThrownBy(() -> f.c2b.accept(c, id, null)).as(c.email()).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> f.c2b.decline(c, id, new AnswerInput("x"))).as(c.email())
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> f.c2b.withdraw(f.adminA, id, null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.c2b.withdraw(viewerB1, id, null)).isInstanceOf(ForbiddenException.class);

        assertThat(f.c2b.requests(f.adminB, ServiceRequest.Box.OUT)).hasSize(1);
        assertThat(f.c2b.requests(f.adminB, ServiceRequest.Box.IN)).isEmpty();
        assertThat(f.c2b.requests(f.adminA, ServiceRequest.Box.OUT)).isEmpty();
        assertThat(f.c2b.requests(f.memberB1, ServiceRequest.Box.IN)).isEmpty();
        assertThat(f.c2b.requests(f.platformAdmin, ServiceRequest.Box.IN)).hasSize(1);

        // a decline needs the answer; the admin of B withdraws for B1
        ValidationException noAnswer = catchThrowableOfType(() -> f.c2b.decline(f.adminA, id, new AnswerInput(" ")),
                ValidationException.class);
        assertThat(noAnswer.errors()).containsOnlyKeys("answer");
        ServiceRequest withdrawn = f.c2b.withdraw(f.adminB, id, null);
        assertThat(withdrawn.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThatThrownBy(() -> f.c2b.accept(f.adminA, id, null)).isInstanceOf(ConflictException.class)
                .hasMessage("Only submitted requests can be answered");
        assertThatThrownBy(() -> f.c2b.withdraw(f.memberB1, id, null)).isInstanceOf(ConflictException.class);
        // once closed, the same organisation may ask again
        assertThat(f.c2b.submit(f.memberB1, forService(s, "Again")).status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anOrganisationHasOneOpenRequestPerService(Database database) {
        Fixture f = new Fixture(database);
        UUID s = f.published("GDPR workshop").id();
        UUID other = f.published("Export coaching").id();
        f.c2b.submit(f.memberB1, forService(s, "Please"));

        Caller colleague = new Caller(UUID.randomUUID(), "colleague@duna.example", f.b, f.b1.id(), Set.of(Role.MEMBER));
        assertThatThrownBy(() -> f.c2b.submit(colleague, forService(s, "Me too"))).isInstanceOf(ConflictException.class)
                .hasMessage(C2bService.DUPLICATE);
        assertThatThrownBy(() -> f.c2b.submit(f.adminB, new RequestInput(null, s.toString(), null, "For B1",
                f.b1.id().toString()))).isInstanceOf(ConflictException.class);
        assertThat(f.c2b.submit(f.memberB1, forService(other, "And this")).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(f.c2b.submit(f.adminB, new RequestInput(null, s.toString(), null, "For our member B2",
                f.b2.id().toString())).organisationId()).isEqualTo(f.b2.id());
        assertThat(f.count("SELECT COUNT(*) FROM c2b_requests")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void whoMaySendAndForWhichOrganisation(Database database) {
        Fixture f = new Fixture(database);
        UUID s = f.published("GDPR workshop").id();
        UUID draft = f.c2b.createService(f.adminA, serviceOf(f.k.id()).title("Draft").status("DRAFT").build()).id();
        UUID hidden = f.c2b.createService(f.adminA, serviceOf(f.p.id()).title("Hidden").build()).id();

        assertThatThrownBy(() -> f.c2b.submit(f.anonymous, forService(s, "hi"))).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.c2b.submit(f.viewerA1, forService(s, "hi"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.c2b.submit(f.memberB1, new RequestInput(null, s.toString(), null, "hi",
                f.b2.id().toString()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.c2b.submit(f.adminB, new RequestInput(null, s.toString(), null, "hi",
                f.a1.id().toString()))).isInstanceOf(ForbiddenException.class);
        ValidationException noOrg = catchThrowableOfType(() -> f.c2b.submit(f.adminB, forService(s, "hi")),
                ValidationException.class);
        assertThat(noOrg.errors()).containsOnlyKeys("organisationId");
        ValidationException empty = catchThrowableOfType(() -> f.c2b.submit(f.memberB1,
                new RequestInput("SERVICE_REQUEST", null, null, null, null)), ValidationException.class);
        assertThat(empty.errors()).containsOnlyKeys("serviceId", "message");
        ValidationException bad = catchThrowableOfType(() -> f.c2b.submit(f.memberB1,
                new RequestInput("CATERING", "not-a-uuid", null, "x".repeat(4001), null)), ValidationException.class);
        assertThat(bad.errors()).containsOnlyKeys("kind", "serviceId", "message");

        assertThatThrownBy(() -> f.c2b.submit(f.memberB1, forService(draft, "hi"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.submit(f.memberB1, forService(hidden, "hi"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.c2b.submit(f.adminA, new RequestInput(null, draft.toString(), null, "hi",
                f.a1.id().toString()))).isInstanceOf(ConflictException.class)
                .hasMessage("Only published services can be requested");
        // members of A see the association-only cluster and may ask for its services
        assertThat(f.c2b.submit(f.memberA1, forService(hidden, "hi")).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(f.count("SELECT COUNT(*) FROM c2b_requests")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void eligibilityIsChecked(Database database) {
        Fixture f = new Fixture(database);
        UUID membersOnly = f.c2b.createService(f.adminA, serviceOf(f.k.id()).title("Members' voucher")
                .eligibility("MEMBERS").build()).id();
        UUID smes = f.c2b.createService(f.adminA, serviceOf(f.k.id()).title("SME coaching").eligibility("SME").build()).id();
        UUID hungary = f.c2b.createService(f.adminA, serviceOf(f.k.id()).title("Budapest fair")
                .eligibility("ANY", "HU").build()).id();

        assertThatThrownBy(() -> f.c2b.submit(f.memberA1, forService(membersOnly, "hi")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("members of the cluster only");
        assertThat(f.c2b.submit(f.memberA2, forService(membersOnly, "hi")).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThatThrownBy(() -> f.c2b.submit(f.memberB2, forService(smes, "hi")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("SMEs only");
        assertThat(f.c2b.submit(f.memberB1, forService(smes, "hi")).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThatThrownBy(() -> f.c2b.submit(f.memberA1, forService(hungary, "hi")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("HU");
        assertThat(f.c2b.submit(f.memberB2, forService(hungary, "hi")).status()).isEqualTo(RequestStatus.SUBMITTED);
    }
}
