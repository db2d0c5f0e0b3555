package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/**
 * The tenant and role matrix: the owner's side edits and closes, only the owner's association admin
 * (or a platform admin) moderates, nobody of another association does either. A profile the caller
 * may not read answers 404, one it reads but may not change 403.
 */
class AccessTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void onlyTheOwnersAssociationAdminModerates(Database database) {
        Fixture f = new Fixture(database);
        UUID id = f.submitted(f.memberA1, offer("Laser sensor")).id();

        // they cannot even see a submitted profile of another organisation
        assertNotFound(() -> f.b2b.approve(f.adminB, id));
        assertNotFound(() -> f.b2b.approve(f.memberB1, id));
        assertNotFound(() -> f.b2b.approve(f.memberA2, id));
        assertNotFound(() -> f.b2b.returnToDraft(f.adminB, id, new ReturnInput("no")));
        // the owner's side sees it but does not moderate its own profile
        assertForbidden(() -> f.b2b.approve(f.memberA1, id));
        assertForbidden(() -> f.b2b.approve(f.viewerA1, id));
        assertForbidden(() -> f.b2b.returnToDraft(f.memberA1, id, new ReturnInput("no")));
        assertThat(f.b2b.get(f.platformAdmin, id).status()).isEqualTo(ProfileStatus.SUBMITTED);

        assertThat(f.b2b.approve(f.adminA, id).status()).isEqualTo(ProfileStatus.PUBLISHED);
        UUID second = f.submitted(f.memberB1, offer("Optics")).id();
        assertNotFound(() -> f.b2b.approve(f.adminA, second));
        assertThat(f.b2b.approve(f.platformAdmin, second).status()).isEqualTo(ProfileStatus.PUBLISHED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void nobodyOfAnotherAssociationEditsOrClosesAPublishedProfile(Database database) {
        Fixture f = new Fixture(database);
        UUID id = f.published(f.memberA1, offer("Laser sensor")).id();

        for (Caller outsider : new Caller[] {f.memberB1, f.adminB, f.memberA2, f.viewerA1}) {
            assertForbidden(() -> f.b2b.close(outsider, id));
            assertForbidden(() -> f.b2b.renew(outsider, id));
            assertForbidden(() -> f.b2b.update(outsider, id, offer("mine now")));
            assertForbidden(() -> f.b2b.approve(outsider, id));
            assertForbidden(() -> f.b2b.returnToDraft(outsider, id, new ReturnInput("no")));
            assertForbidden(() -> f.b2b.submit(outsider, id));
        }
        assertThat(f.b2b.get(f.memberA1, id).status()).isEqualTo(ProfileStatus.PUBLISHED);
        assertThat(f.b2b.close(f.adminA, id).status()).isEqualTo(ProfileStatus.CLOSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void draftsAreTheOwnerSidesOnly(Database database) {
        Fixture f = new Fixture(database);
        UUID id = f.b2b.create(f.memberA1, offer("Laser sensor")).id();

        for (Caller outsider : new Caller[] {f.anonymous, f.memberB1, f.adminB, f.memberA2}) {
            assertNotFound(() -> f.b2b.get(outsider, id));
        }
        assertNotFound(() -> f.b2b.update(f.memberB1, id, offer("x")));
        assertNotFound(() -> f.b2b.submit(f.adminB, id));
        assertNotFound(() -> f.b2b.similar(f.memberB1, id, null));
        assertThat(f.b2b.get(f.viewerA1, id).title()).isEqualTo("Laser sensor");
        assertThat(f.b2b.get(f.adminA, id).owner()).isNotNull();
        // a viewer of the organisation reads but changes nothing
        assertForbidden(() -> f.b2b.update(f.viewerA1, id, offer("x")));
        assertForbidden(() -> f.b2b.submit(f.viewerA1, id));
        // the association's admin acts for its members
        assertThat(f.b2b.update(f.adminA, id, offer("Edited by the admin")).title()).isEqualTo("Edited by the admin");
        assertThat(f.b2b.submit(f.adminA, id).status()).isEqualTo(ProfileStatus.SUBMITTED);

        assertThat(f.b2b.list(f.memberB1, ProfileFilter.none(), null).total()).isZero();
        assertThat(f.b2b.list(f.memberB1, mine(), null).total()).isZero();
        assertThat(f.b2b.list(f.memberA1, mine(), null).items()).extracting(Profile::id).containsExactly(id);
        assertThat(f.b2b.list(f.adminA, mine(), null).items()).extracting(Profile::id).containsExactly(id);
        assertThat(f.b2b.list(f.anonymous, mine(), null).total()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theModerationQueueIsPerAssociation(Database database) {
        Fixture f = new Fixture(database);
        UUID inA = f.submitted(f.memberA1, offer("A")).id();
        UUID inB = f.submitted(f.memberB1, offer("B")).id();
        f.b2b.create(f.memberA2, offer("draft"));

        assertThat(f.b2b.moderation(f.adminA)).extracting(Profile::id).containsExactly(inA);
        assertThat(f.b2b.moderation(f.adminB)).extracting(Profile::id).containsExactly(inB);
        assertThat(f.b2b.moderation(f.platformAdmin)).extracting(Profile::id).containsExactlyInAnyOrder(inA, inB);
        assertForbidden(() -> f.b2b.moderation(f.memberA1));
        assertForbidden(() -> f.b2b.moderation(f.viewerA1));
    }

    private static ProfileFilter mine() {
        return new ProfileFilter(null, null, null, null, null, null, null, true);
    }

    private static void assertNotFound(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(NotFoundException.class);
    }

    private static void assertForbidden(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(ForbiddenException.class);
    }
}
