package eu.danubia.rdi.internal;

import static eu.danubia.rdi.internal.Fixture.pvIdea;
import static eu.danubia.rdi.internal.Fixture.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.PageRequest;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/**
 * The tenant and role matrix of ideas: the owner's side (its members, its association's admin,
 * platform admins) writes; drafts and private ideas are invisible (404) to everyone else, among them
 * another association's member and admin and anonymous visitors.
 */
class IdeaAccessTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theOwnerFillsItsOwnRoleAndDraftsAreTheOwnerSidesOnly(Database database) {
        Fixture f = new Fixture(database);
        Idea draft = f.rdi.createIdea(f.memberUniversity, pvIdea("PUBLIC"));

        assertThat(draft.status()).isEqualTo(IdeaStatus.DRAFT);
        assertThat(draft.programme()).isEqualTo("Horizon Europe – Cluster 5 Climate, Energy and Mobility");
        assertThat(draft.callTitle()).isEqualTo("Low-power PV");
        assertThat(draft.roles()).extracting(Idea.Role::role)
                .containsExactly(RoleKind.COORDINATOR, RoleKind.RESEARCH_PARTNER, RoleKind.SME);
        assertThat(draft.roles().get(0).filledBy().name()).isEqualTo("Universitatea Tehnică Cluj-Napoca");
        assertThat(draft.roles().get(0).filledBy().country()).isEqualTo("RO");
        assertThat(draft.missingRoles()).isEqualTo(2);
        assertThat(draft.mine()).isTrue();

        for (Caller outsider : new Caller[] {f.anonymous, f.memberHuInstitute, f.adminB, f.memberRoSme}) {
            assertNotFound(() -> f.rdi.idea(outsider, draft.id()));
            assertNotFound(() -> f.rdi.consortium(outsider, draft.id()));
            assertNotFound(() -> f.rdi.recommendedCalls(outsider, draft.id()));
            assertThat(f.rdi.ideas(outsider, null, null, null, null, false, null).total()).isZero();
        }
        assertNotFound(() -> f.rdi.updateIdea(f.adminB, draft.id(), pvIdea("PUBLIC")));
        assertNotFound(() -> f.rdi.publish(f.memberHuInstitute, draft.id()));
        // the viewer reads and changes nothing; the association's admin acts for its member
        assertThat(f.rdi.idea(f.viewerUniversity, draft.id()).title()).isEqualTo(draft.title());
        assertForbidden(() -> f.rdi.updateIdea(f.viewerUniversity, draft.id(), pvIdea("PUBLIC")));
        assertForbidden(() -> f.rdi.publish(f.viewerUniversity, draft.id()));
        assertThat(f.rdi.ideas(f.adminA, null, null, null, null, true, null).items()).extracting(Idea::id)
                .containsExactly(draft.id());
        assertThat(f.rdi.publish(f.adminA, draft.id()).status()).isEqualTo(IdeaStatus.OPEN);
        assertThat(f.rdi.idea(f.anonymous, draft.id()).mine()).isFalse();
        assertThat(f.rdi.idea(f.platformAdmin, draft.id()).mine()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void visibilityDecidesWhoReadsAnOpenIdea(Database database) {
        Fixture f = new Fixture(database);
        UUID pub = f.openIdea("PUBLIC").id();
        UUID assoc = f.openIdea("ASSOCIATION").id();
        UUID priv = f.openIdea("PRIVATE").id();

        assertThat(ids(f, f.anonymous)).containsExactly(pub);
        assertThat(ids(f, f.memberHuInstitute)).containsExactly(pub);
        assertThat(ids(f, f.adminB)).containsExactly(pub);
        assertThat(ids(f, f.memberRoSme)).containsExactlyInAnyOrder(pub, assoc);
        assertThat(ids(f, f.memberUniversity)).containsExactlyInAnyOrder(pub, assoc, priv);
        assertThat(ids(f, f.adminA)).containsExactlyInAnyOrder(pub, assoc, priv);
        assertThat(ids(f, f.platformAdmin)).containsExactlyInAnyOrder(pub, assoc, priv);

        for (Caller outsider : new Caller[] {f.anonymous, f.memberHuInstitute, f.adminB}) {
            assertNotFound(() -> f.rdi.idea(outsider, assoc));
            assertNotFound(() -> f.rdi.idea(outsider, priv));
        }
        assertNotFound(() -> f.rdi.idea(f.memberRoSme, priv));
        assertNotFound(() -> f.rdi.updateIdea(f.adminB, priv, pvIdea("PUBLIC")));
        assertNotFound(() -> f.rdi.close(f.adminB, priv));
        assertNotFound(() -> f.rdi.apply(f.memberHuInstitute, priv, new ApplicationInput(
                f.rdi.idea(f.memberUniversity, priv).roles().get(1).id().toString(), "Let us join", null)));
        // a public idea is read by everyone and changed by its owner's side only
        for (Caller outsider : new Caller[] {f.memberHuInstitute, f.adminB, f.memberRoSme, f.viewerUniversity}) {
            assertForbidden(() -> f.rdi.updateIdea(outsider, pub, pvIdea("PUBLIC")));
            assertForbidden(() -> f.rdi.close(outsider, pub));
        }
        assertThatThrownBy(() -> f.rdi.updateIdea(f.anonymous, pub, pvIdea("PUBLIC")))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.rdi.createIdea(f.anonymous, pvIdea("PUBLIC"))).isInstanceOf(UnauthorizedException.class);
        assertForbidden(() -> f.rdi.createIdea(f.viewerUniversity, pvIdea("PUBLIC")));
        assertThat(f.rdi.close(f.adminA, pub).status()).isEqualTo(IdeaStatus.CLOSED);
        assertThatThrownBy(() -> f.rdi.updateIdea(f.memberUniversity, pub, pvIdea("PUBLIC")))
                .isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void membersActForTheirOwnOrganisationAndAdminsForTheirAssociations(Database database) {
        Fixture f = new Fixture(database);
        IdeaInput forHu = new IdeaInput(f.huInstitute.id().toString(), "t", "s", Fixture.CL5_TOPIC, null, null, List.of());
        assertForbidden(() -> f.rdi.createIdea(f.memberUniversity, forHu));
        assertForbidden(() -> f.rdi.createIdea(f.adminA, forHu));
        assertThat(f.rdi.createIdea(f.adminB, forHu).owner().organisationId()).isEqualTo(f.huInstitute.id());
        IdeaInput noOrg = new IdeaInput(null, "t", "s", Fixture.CL5_TOPIC, null, null, List.of());
        assertThatThrownBy(() -> f.rdi.createIdea(f.adminA, noOrg)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsKey("organisationId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void everyFieldErrorIsReportedAtOnce(Database database) {
        Fixture f = new Fixture(database);
        IdeaInput bad = new IdeaInput(null, " ", "x".repeat(4001), null, "SECRET", "BOSS",
                List.of(role("SPONSOR", "Romania"), role("SME", null)));
        assertThatThrownBy(() -> f.rdi.createIdea(f.memberUniversity, bad)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors()).containsOnlyKeys("title", "summary", "callCode",
                        "visibility", "ownerRole", "roles[0].role", "roles[0].country"));
        IdeaInput unknownCall = new IdeaInput(null, "t", "s", "HORIZON-NOPE-1", null, null, List.of());
        assertThatThrownBy(() -> f.rdi.createIdea(f.memberUniversity, unknownCall)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors()).containsOnlyKeys("callCode"));
        assertThat(f.count("SELECT COUNT(*) FROM rdi_ideas")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void editingKeepsFilledRolesAndTheirApplicants(Database database) {
        Fixture f = new Fixture(database);
        Idea idea = f.openIdea("PUBLIC");
        UUID coordinator = Fixture.roleId(idea, RoleKind.COORDINATOR);
        UUID research = Fixture.roleId(idea, RoleKind.RESEARCH_PARTNER);
        UUID sme = Fixture.roleId(idea, RoleKind.SME);
        f.rdi.apply(f.memberCzSme, idea.id(), new ApplicationInput(sme.toString(), "We build the sensor nodes", null));

        // the filled coordinator role cannot go, nor the SME role somebody applied for
        IdeaInput withoutCoordinator = edit(idea, List.of(keep(research, "RESEARCH_PARTNER", "HU"), keep(sme, "SME", null)));
        assertThatThrownBy(() -> f.rdi.updateIdea(f.memberUniversity, idea.id(), withoutCoordinator))
                .isInstanceOf(ConflictException.class);
        IdeaInput withoutSme = edit(idea, List.of(keep(coordinator, "COORDINATOR", null), keep(research, "RESEARCH_PARTNER", "HU")));
        assertThatThrownBy(() -> f.rdi.updateIdea(f.memberUniversity, idea.id(), withoutSme))
                .isInstanceOf(ConflictException.class);
        IdeaInput changeFilled = edit(idea, List.of(keep(coordinator, "SME", null), keep(research, "RESEARCH_PARTNER", "HU"),
                keep(sme, "SME", null)));
        assertThatThrownBy(() -> f.rdi.updateIdea(f.memberUniversity, idea.id(), changeFilled))
                .isInstanceOf(ValidationException.class);

        // the research partner may now come from anywhere, a pilot site is added
        Idea after = f.rdi.updateIdea(f.memberUniversity, idea.id(), edit(idea, List.of(keep(coordinator, "COORDINATOR", null),
                keep(research, "RESEARCH_PARTNER", null), keep(sme, "SME", null), role("PILOT_SITE", "CZ"))));
        assertThat(after.roles()).extracting(Idea.Role::role).containsExactly(RoleKind.COORDINATOR,
                RoleKind.RESEARCH_PARTNER, RoleKind.SME, RoleKind.PILOT_SITE);
        assertThat(after.roles().get(1).country()).isNull();
        assertThat(after.roles().get(3).country()).isEqualTo("CZ");
        assertThat(after.roles().get(0).filled()).isTrue();
    }

    static IdeaInput edit(Idea idea, List<IdeaInput.RoleInput> roles) {
        return new IdeaInput(null, idea.title(), idea.summary(), idea.callCode(), idea.visibility().name(), null, roles);
    }

    static IdeaInput.RoleInput keep(UUID id, String role, String country) {
        return new IdeaInput.RoleInput(id.toString(), role, country);
    }

    private static List<UUID> ids(Fixture f, Caller caller) {
        return f.rdi.ideas(caller, IdeaStatus.OPEN, null, null, null, false, PageRequest.of(null, null)).items().stream()
                .map(Idea::id).toList();
    }

    static void assertNotFound(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(NotFoundException.class);
    }

    static void assertForbidden(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(ForbiddenException.class);
    }
}
