package eu.danubia.rdi.internal;

import static eu.danubia.rdi.internal.IdeaAccessTest.assertForbidden;
import static eu.danubia.rdi.internal.IdeaAccessTest.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/**
 * The main flow: a Romanian university opens a Horizon Europe Cluster 5 idea, a Hungarian institute
 * and a Czech SME apply for the missing roles, the university accepts both, and the consortium is
 * complete with three countries. Around it, the rules of applying and answering.
 */
class ApplicationFlowTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void twoOrganisationsFromOtherCountriesFillTheMissingRoles(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.openIdea("PUBLIC");
        UUID research = Fixture.roleId(idea, RoleKind.RESEARCH_PARTNER);
        UUID sme = Fixture.roleId(idea, RoleKind.SME);

        Consortium before = f.rdi.consortium(f.anonymous, idea.id());
        assertThat(before.countries()).containsExactly("RO");
        assertThat(before.minCountries()).isEqualTo(3);
        assertThat(before.countriesMissing()).isEqualTo(2);
        assertThat(before.note()).isEqualTo("needs 2 more countries (at least 3)");
        assertThat(before.complete()).isFalse();
        // the partner search lists it for a Hungarian research partner
        assertThat(f.rdi.ideas(f.anonymous, IdeaStatus.OPEN, "photovoltaic", "HU", RoleKind.RESEARCH_PARTNER, false,
                PageRequest.of(null, null)).items()).extracting(Idea::id).containsExactly(idea.id());
        assertThat(f.rdi.ideas(f.anonymous, IdeaStatus.OPEN, null, "CZ", RoleKind.RESEARCH_PARTNER, false,
                PageRequest.of(null, null)).total()).isZero();

        Application hu = f.rdi.apply(f.memberHuInstitute, idea.id(),
                new ApplicationInput(research.toString(), "We make thin-film low-power cells.", null));
        Application cz = f.rdi.apply(f.memberCzSme, idea.id(),
                new ApplicationInput(sme.toString(), "Our sensor nodes need exactly these cells.", null));
        assertThat(hu.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(hu.box()).isEqualTo(Application.Box.OUTBOX);
        assertThat(f.sent.ofKind(Notifier.APPLICATION_RECEIVED)).hasSize(2).allSatisfy(n -> {
            assertThat(n.userId()).isEqualTo(f.memberUniversity.userId());
            assertThat(n.link()).isEqualTo("#/rdi/applications");
        });
        assertThat(f.cooperations).extracting(Cooperation::kind).containsExactly(Cooperation.Kind.INTEREST,
                Cooperation.Kind.INTEREST);
        assertThat(f.cooperations.get(0).from()).isEqualTo(f.huInstitute.id());
        assertThat(f.cooperations.get(0).to()).isEqualTo(f.university.id());

        assertThat(f.rdi.applications(f.memberUniversity, Application.Box.INBOX)).extracting(Application::id)
                .containsExactlyInAnyOrder(hu.id(), cz.id());
        assertThat(f.rdi.applications(f.memberHuInstitute, null)).extracting(Application::id).containsExactly(hu.id());
        assertThat(f.rdi.applications(f.adminC, Application.Box.OUTBOX)).extracting(Application::id).containsExactly(cz.id());

        Application accepted = f.rdi.accept(f.memberUniversity, hu.id());
        assertThat(accepted.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        f.rdi.accept(f.adminA, cz.id());
        assertThat(f.sent.ofKind(Notifier.APPLICATION_ACCEPTED)).extracting(n -> n.userId())
                .containsExactlyInAnyOrder(f.memberHuInstitute.userId(), f.memberCzSme.userId());
        assertThat(f.cooperations).filteredOn(x -> x.kind() == Cooperation.Kind.AGREEMENT).hasSize(2);

        Consortium after = f.rdi.consortium(f.memberUniversity, idea.id());
        assertThat(after.roles()).allSatisfy(r -> assertThat(r.filled()).isTrue());
        assertThat(after.roles()).extracting(r -> r.filledBy().name()).containsExactly(
                "Universitatea Tehnică Cluj-Napoca", "Pannon Energy Research Institute", "Brno Sensors s.r.o.");
        assertThat(after.countries()).containsExactly("RO", "HU", "CZ");
        assertThat(after.countriesMissing()).isZero();
        assertThat(after.complete()).isTrue();
        assertThat(f.rdi.idea(f.anonymous, idea.id()).missingRoles()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theRulesOfApplying(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.openIdea("PUBLIC");
        UUID coordinator = Fixture.roleId(idea, RoleKind.COORDINATOR);
        UUID research = Fixture.roleId(idea, RoleKind.RESEARCH_PARTNER);
        UUID sme = Fixture.roleId(idea, RoleKind.SME);

        assertForbidden(() -> f.rdi.apply(f.memberUniversity, idea.id(), new ApplicationInput(sme.toString(), "us", null)));
        assertForbidden(() -> f.rdi.apply(f.viewerUniversity, idea.id(), new ApplicationInput(sme.toString(), "x", null)));
        assertThatThrownBy(() -> f.rdi.apply(f.memberHuSme, idea.id(), new ApplicationInput(coordinator.toString(), "x", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already filled");
        // the research partner role wants Hungary
        assertThatThrownBy(() -> f.rdi.apply(f.memberCzSme, idea.id(), new ApplicationInput(research.toString(), "x", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get("roleId")).contains("HU"));
        assertThatThrownBy(() -> f.rdi.apply(f.memberHuSme, idea.id(), new ApplicationInput(UUID.randomUUID().toString(), " ", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsOnlyKeys("roleId", "message"));

        Application first = f.rdi.apply(f.memberHuSme, idea.id(), new ApplicationInput(sme.toString(), "Inverters", null));
        assertThatThrownBy(() -> f.rdi.apply(f.adminB, idea.id(), new ApplicationInput(sme.toString(), "again",
                f.huSme.id().toString()))).isInstanceOf(ConflictException.class).hasMessage(RdiService.DUPLICATE);

        // another association's admin neither reads nor answers it; the applicant's admin reads but does not accept
        assertNotFound(() -> f.rdi.application(f.adminC, first.id()));
        assertNotFound(() -> f.rdi.accept(f.adminC, first.id()));
        assertNotFound(() -> f.rdi.accept(f.memberCzSme, first.id()));
        assertThat(f.rdi.application(f.adminB, first.id()).box()).isEqualTo(Application.Box.OUTBOX);
        assertForbidden(() -> f.rdi.accept(f.adminB, first.id()));
        assertForbidden(() -> f.rdi.accept(f.memberHuSme, first.id()));
        assertForbidden(() -> f.rdi.withdraw(f.memberUniversity, first.id()));
        assertForbidden(() -> f.rdi.accept(f.viewerUniversity, first.id()));

        // a second SME applies; the first is accepted, so the second cannot be any more
        Application second = f.rdi.apply(f.memberCzSme, idea.id(), new ApplicationInput(sme.toString(), "Sensors", null));
        f.rdi.accept(f.memberUniversity, first.id());
        assertThatThrownBy(() -> f.rdi.accept(f.memberUniversity, second.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already filled");
        assertThatThrownBy(() -> f.rdi.decline(f.memberUniversity, first.id())).isInstanceOf(ConflictException.class);
        assertThat(f.rdi.withdraw(f.memberCzSme, second.id()).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThatThrownBy(() -> f.rdi.withdraw(f.memberCzSme, second.id())).isInstanceOf(ConflictException.class);
        assertThat(f.sent.ofKind(Notifier.APPLICATION_WITHDRAWN)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aWithdrawnApplicationCanBeSentAgainAndAccepted(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.openIdea("PUBLIC");
        UUID sme = Fixture.roleId(idea, RoleKind.SME);
        Application first = f.rdi.apply(f.memberCzSme, idea.id(), new ApplicationInput(sme.toString(), "Sensors", null));
        f.rdi.withdraw(f.memberCzSme, first.id());
        f.clock.advance(java.time.Duration.ofDays(2));

        Application again = f.rdi.apply(f.memberCzSme, idea.id(), new ApplicationInput(sme.toString(), "Sensors, now with a pilot line", null));
        assertThat(again.id()).as("the same application, sent again").isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(again.message()).isEqualTo("Sensors, now with a pilot line");
        assertThat(f.count("SELECT COUNT(*) FROM rdi_applications WHERE idea_id = ?", idea.id())).isEqualTo(1);
        assertThat(f.sent.ofKind(Notifier.APPLICATION_RECEIVED)).hasSize(2);
        assertThatThrownBy(() -> f.rdi.apply(f.memberCzSme, idea.id(), new ApplicationInput(sme.toString(), "x", null)))
                .isInstanceOf(ConflictException.class).hasMessage(RdiService.DUPLICATE);

        assertThat(f.rdi.accept(f.memberUniversity, again.id()).status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(f.rdi.idea(f.anonymous, idea.id()).roles()).filteredOn(r -> r.role() == RoleKind.SME).singleElement()
                .satisfies(r -> assertThat(r.filled()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void applicantsReadTheIdeaTheyAppliedToAndDeclinedOnesAreTold(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.openIdea("ASSOCIATION");
        UUID sme = Fixture.roleId(idea, RoleKind.SME);
        // an association-only idea: the RO SME of the same association applies
        Application a = f.rdi.apply(f.memberRoSme, idea.id(), new ApplicationInput(sme.toString(), "Installer", null));
        Application declined = f.rdi.decline(f.adminA, a.id());
        assertThat(declined.status()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(f.sent.ofKind(Notifier.APPLICATION_DECLINED)).singleElement()
                .satisfies(n -> assertThat(n.userId()).isEqualTo(f.memberRoSme.userId()));
        assertThat(f.rdi.application(f.memberRoSme, a.id()).applicant().name()).isEqualTo("Solaris Cluj SRL");
        assertThatThrownBy(() -> f.rdi.apply(f.memberRoSme, idea.id(), new ApplicationInput(sme.toString(), "Please", null)))
                .isInstanceOf(ConflictException.class).hasMessage(RdiService.DECLINED_BEFORE);

        // a draft takes no applications, a closed idea neither
        Idea draft = f.rdi.createIdea(f.memberUniversity, Fixture.pvIdea("PUBLIC"));
        assertNotFound(() -> f.rdi.apply(f.memberCzSme, draft.id(), new ApplicationInput(
                Fixture.roleId(draft, RoleKind.SME).toString(), "x", null)));
        f.rdi.close(f.memberUniversity, idea.id());
        assertThatThrownBy(() -> f.rdi.apply(f.memberRoSme, idea.id(), new ApplicationInput(sme.toString(), "x", null)))
                .isInstanceOf(ConflictException.class);
        for (Caller c : List.of(f.anonymous, f.memberCzSme)) {
            assertNotFound(() -> f.rdi.idea(c, idea.id()));
        }
    }
}
