package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;

/** Expressions of interest and agreements, on H2 and PostgreSQL. */
class InterestTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void anOrganisationExpressesInterestOnceInAProfile(Database database) {
        Fixture f = new Fixture(database);
        UUID offer = f.published(f.memberA1, offer("Laser sensor")).id();

        Interest first = f.b2b.express(f.memberB1, offer, new InterestInput("  We would like to test it. ", null));
        assertThat(first.status()).isEqualTo(InterestStatus.PENDING);
        assertThat(first.message()).isEqualTo("We would like to test it.");
        assertThat(first.profileTitle()).isEqualTo("Laser sensor");
        assertThat(first.direction()).isEqualTo(Interest.Box.OUTBOX);

        assertThatThrownBy(() -> f.b2b.express(f.memberB1, offer, new InterestInput("Again", null)))
                .isInstanceOf(ConflictException.class).hasMessage("You already expressed interest in this profile");
        // another user of the same organisation is the same organisation
        Caller colleague = new Caller(UUID.randomUUID(), "colleague@budapest-optics.example", f.b, f.b1.id(),
                Set.of(Role.MEMBER));
        assertThatThrownBy(() -> f.b2b.express(colleague, offer, new InterestInput("Me too", null)))
                .isInstanceOf(ConflictException.class).hasMessage("You already expressed interest in this profile");
        // the admin of B sending for B1 is B1 as well
        assertThatThrownBy(() -> f.b2b.express(f.adminB, offer, new InterestInput("For B1", f.b1.id().toString())))
                .isInstanceOf(ConflictException.class);
        assertThat(f.count("SELECT COUNT(*) FROM b2b_interests")).isEqualTo(1);

        Interest fromB2 = f.b2b.express(f.adminB, offer, new InterestInput("For our member B2", f.b2.id().toString()));
        assertThat(f.b2b.interests(f.memberB2, Interest.Box.OUTBOX)).extracting(Interest::id).containsExactly(fromB2.id());
        assertThat(f.b2b.interests(f.memberA1, Interest.Box.INBOX)).hasSize(2);
        assertThat(f.b2b.interests(f.adminA, null)).hasSize(2).allMatch(i -> i.direction() == Interest.Box.INBOX);
        assertThat(f.b2b.interests(f.adminB, Interest.Box.OUTBOX)).hasSize(2);
        assertThat(f.b2b.interests(f.adminB, Interest.Box.INBOX)).isEmpty();
        assertThat(f.b2b.interests(f.memberA2, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void interestNeedsAPublishedProfileOfAnotherOrganisation(Database database) {
        Fixture f = new Fixture(database);
        UUID draft = f.b2b.create(f.memberA1, offer("Draft")).id();
        UUID published = f.published(f.memberA1, offer("Published")).id();
        UUID submitted = f.submitted(f.memberA1, offer("Submitted")).id();

        assertThatThrownBy(() -> f.b2b.express(f.memberB1, draft, new InterestInput("hi", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.b2b.express(f.adminA, submitted, new InterestInput("hi", f.a2.id().toString())))
                .isInstanceOf(ConflictException.class).hasMessage("Interest can only be expressed in published profiles");
        assertThatThrownBy(() -> f.b2b.express(f.memberA1, published, new InterestInput("hi", null)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("own organisation");
        assertThatThrownBy(() -> f.b2b.express(f.adminA, published, new InterestInput("hi", f.a1.id().toString())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.express(f.viewerA1, published, new InterestInput("hi", null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.express(f.anonymous, published, new InterestInput("hi", null)))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.b2b.express(f.memberB1, published, new InterestInput("hi", f.b2.id().toString())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.express(f.adminB, published, new InterestInput("hi", f.a2.id().toString())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(catchThrowableOfType(() -> f.b2b.express(f.adminB, published, new InterestInput(" ", null)),
                ValidationException.class).errors()).containsOnlyKeys("organisationId", "message");
        assertThat(f.b2b.express(f.memberA2, published, new InterestInput("Same association, other organisation", null))
                .status()).isEqualTo(InterestStatus.PENDING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void onlyTheOwnersSideAnswersAndOnlyOnce(Database database) {
        Fixture f = new Fixture(database);
        UUID offer = f.published(f.memberA1, offer("Laser sensor")).id();
        UUID id = f.b2b.express(f.memberB1, offer, new InterestInput("hello", null)).id();

        assertThatThrownBy(() -> f.b2b.accept(f.memberB1, id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.accept(f.adminB, id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.accept(f.viewerA1, id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.b2b.accept(f.memberA2, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.b2b.interest(f.memberB2, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.b2b.interest(f.memberA1, UUID.randomUUID())).isInstanceOf(NotFoundException.class);

        f.clock.advance(Duration.ofMinutes(5));
        Interest accepted = f.b2b.accept(f.adminA, id);
        assertThat(accepted.status()).isEqualTo(InterestStatus.ACCEPTED);
        assertThat(accepted.answeredAt()).isEqualTo(f.clock.instant());
        assertThat(accepted.direction()).isEqualTo(Interest.Box.INBOX);
        assertThatThrownBy(() -> f.b2b.decline(f.memberA1, id)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.b2b.accept(f.memberA1, id)).isInstanceOf(ConflictException.class);
        assertThat(f.b2b.interest(f.memberB1, id).direction()).isEqualTo(Interest.Box.OUTBOX);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void eitherPartyRecordsAgreementsOfAnAcceptedInterest(Database database) {
        Fixture f = new Fixture(database);
        UUID offer = f.published(f.memberA1, offer("Laser sensor")).id();
        UUID id = f.b2b.express(f.memberB1, offer, new InterestInput("hello", null)).id();
        AgreementInput licence = new AgreementInput(id.toString(), "LICENCE", "Licence for Hungary", "2026-03-01");

        assertThatThrownBy(() -> f.b2b.createAgreement(f.memberB1, licence)).isInstanceOf(ConflictException.class);
        f.b2b.accept(f.memberA1, id);
        assertThatThrownBy(() -> f.b2b.createAgreement(f.memberB2, licence)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.b2b.createAgreement(f.viewerA1, licence)).isInstanceOf(ForbiddenException.class);
        assertThat(catchThrowableOfType(() -> f.b2b.createAgreement(f.memberB1,
                new AgreementInput("x", "HANDSHAKE", null, f.today().plusDays(1).toString())), ValidationException.class)
                .errors()).containsOnlyKeys("interestId", "type", "signedOn");

        Agreement signed = f.b2b.createAgreement(f.memberB1, licence);
        assertThat(signed.profileId()).isEqualTo(offer);
        assertThat(signed.profileTitle()).isEqualTo("Laser sensor");
        assertThat(signed.type()).isEqualTo(AgreementType.LICENCE);
        assertThat(signed.signedOn()).hasToString("2026-03-01");
        Agreement today = f.b2b.createAgreement(f.memberA1,
                new AgreementInput(id.toString(), "TECHNICAL_COOPERATION", null, null));
        assertThat(today.signedOn()).isEqualTo(f.today());

        assertThat(f.b2b.agreements(f.memberA1)).extracting(Agreement::id).containsExactly(today.id(), signed.id());
        assertThat(f.b2b.agreements(f.memberB1)).hasSize(2);
        assertThat(f.b2b.agreements(f.adminA)).hasSize(2);
        assertThat(f.b2b.agreements(f.adminB)).hasSize(2);
        assertThat(f.b2b.agreements(f.platformAdmin)).hasSize(2);
        assertThat(f.b2b.agreements(f.memberB2)).isEmpty();
        assertThat(f.b2b.agreements(f.memberA2)).isEmpty();
        assertThat(f.b2b.agreement(f.memberB1, signed.id())).isEqualTo(signed);
        assertThatThrownBy(() -> f.b2b.agreement(f.memberA2, signed.id())).isInstanceOf(NotFoundException.class);
    }
}
