package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.profile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.notification.Notification;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;

/**
 * The owner's organisation and contact are revealed only to the owner's side and to the side of an
 * accepted interest: checked on every way out (detail, list, search, similar, export, interests,
 * notifications), before and after acceptance.
 */
class PrivacyTest {

    private static final String CONTACT_EMAIL = "ana.popescu@cluj-photonics.example";
    private static final String CONTACT_NAME = "Ana Popescu";
    private static final String OWNER_NAME = "Cluj Photonics SRL";

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void contactDataIsHiddenUntilTheInterestIsAccepted(Database database) {
        Fixture f = new Fixture(database);
        UUID offer = f.published(f.memberA1, profile().title("Laser sensor for welding").build()).id();
        // B1's request, the counterpart from which "similar" finds the offer
        UUID request = f.published(f.memberB1, profile().type("TECHNOLOGY_REQUEST").title("Wanted: laser sensor")
                .contact("Bela Nagy", "bela.nagy@budapest-optics.example", null).build()).id();
        Caller[] outsiders = {f.anonymous, f.memberB1, f.memberB2, f.memberA2, f.adminB};

        for (Caller c : outsiders) {
            assertHidden(f, c, offer);
        }
        for (Caller c : new Caller[] {f.memberA1, f.viewerA1, f.adminA, f.platformAdmin}) {
            assertRevealed(f, c, offer);
        }

        Interest sent = f.b2b.express(f.memberB1, offer, new InterestInput("We weld car frames; can we test it?", null));
        assertThat(sent.counterpart()).isNull();
        assertThat(f.b2b.interests(f.memberB1, Interest.Box.OUTBOX)).singleElement()
                .satisfies(i -> assertThat(i.counterpart()).isNull());
        assertThat(f.b2b.interests(f.memberA1, Interest.Box.INBOX)).singleElement()
                .satisfies(i -> assertThat(i.counterpart()).isNull());
        assertThat(f.b2b.interest(f.memberA1, sent.id()).counterpart()).isNull();
        Notification received = f.sent.ofKind(Notifier.INTEREST_RECEIVED).get(0);
        assertThat(received.subject() + received.text()).doesNotContain("Budapest Optics", "bela", "Bela")
                .contains("HU", "Laser sensor for welding");
        for (Caller c : outsiders) {
            assertHidden(f, c, offer);
        }

        Interest accepted = f.b2b.accept(f.memberA1, sent.id());
        assertThat(accepted.counterpart().organisationId()).isEqualTo(f.b1.id());
        assertThat(accepted.counterpart().organisationName()).isEqualTo("Budapest Optics Kft");
        assertThat(accepted.counterpart().contactEmail()).isEqualTo(f.memberB1.email());
        Notification told = f.sent.ofKind(Notifier.INTEREST_ACCEPTED).get(0);
        assertThat(told.subject() + told.text()).doesNotContain(CONTACT_EMAIL, CONTACT_NAME);

        // the sender's side now sees the owner and contact everywhere
        assertRevealed(f, f.memberB1, offer);
        assertRevealed(f, f.adminB, offer);
        Interest outbox = f.b2b.interests(f.memberB1, Interest.Box.OUTBOX).get(0);
        assertThat(outbox.counterpart()).isEqualTo(new Interest.Counterpart(f.a1.id(), OWNER_NAME, CONTACT_NAME, CONTACT_EMAIL));
        assertThat(f.b2b.similar(f.memberB1, request, null)).extracting(s -> s.profile().id()).contains(offer);
        // the others still see nothing
        for (Caller c : new Caller[] {f.anonymous, f.memberB2, f.memberA2}) {
            assertHidden(f, c, offer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aDeclinedInterestRevealsNothing(Database database) {
        Fixture f = new Fixture(database);
        UUID offer = f.published(f.memberA1, profile().build()).id();
        Interest sent = f.b2b.express(f.memberB1, offer, new InterestInput("Interested", null));

        Interest declined = f.b2b.decline(f.memberA1, sent.id());

        assertThat(declined.counterpart()).isNull();
        assertThat(f.b2b.interest(f.memberB1, sent.id()).counterpart()).isNull();
        assertHidden(f, f.memberB1, offer);
    }

    /** Every way a profile reaches this caller shows no owner, no contact, no owner organisation name. */
    private static void assertHidden(Fixture f, Caller c, UUID id) {
        String who = c.email() == null ? "anonymous" : c.email();
        assertThat(f.b2b.get(c, id).owner()).as(who + " detail").isNull();
        assertThat(f.b2b.list(c, ProfileFilter.none(), null).items()).as(who + " list")
                .filteredOn(p -> p.id().equals(id)).singleElement().satisfies(p -> assertThat(p.owner()).isNull());
        assertThat(search(f, c)).as(who + " search").filteredOn(p -> p.id().equals(id)).singleElement()
                .satisfies(p -> assertThat(p.owner()).isNull());
        for (Profile p : f.b2b.list(c, ProfileFilter.none(), null).items()) {
            if (!p.id().equals(id)) {
                for (SimilarProfile s : f.b2b.similar(c, p.id(), null)) {
                    if (s.profile().id().equals(id)) {
                        assertThat(s.profile().owner()).as(who + " similar").isNull();
                    }
                }
            }
        }
        String csv = f.b2b.export(c, ProfileFilter.none());
        assertThat(csv).as(who + " export").contains("Laser").doesNotContain(CONTACT_EMAIL, CONTACT_NAME, OWNER_NAME);
        for (Interest i : f.b2b.interests(c.isAnonymous() ? f.memberB2 : c, null)) {
            if (i.profileId().equals(id) && i.status() != InterestStatus.ACCEPTED) {
                assertThat(i.counterpart()).isNull();
            }
        }
    }

    private static void assertRevealed(Fixture f, Caller c, UUID id) {
        Profile.Owner owner = f.b2b.get(c, id).owner();
        assertThat(owner).as(c.email()).isNotNull();
        assertThat(owner.organisationName()).isEqualTo(OWNER_NAME);
        assertThat(owner.contactEmail()).isEqualTo(CONTACT_EMAIL);
        assertThat(f.b2b.list(c, ProfileFilter.none(), null).items()).filteredOn(p -> p.id().equals(id)).singleElement()
                .satisfies(p -> assertThat(p.owner().contactName()).isEqualTo(CONTACT_NAME));
        assertThat(search(f, c)).filteredOn(p -> p.id().equals(id)).singleElement()
                .satisfies(p -> assertThat(p.owner()).isNotNull());
        assertThat(f.b2b.export(c, ProfileFilter.none())).contains(CONTACT_EMAIL, OWNER_NAME);
    }

    private static List<Profile> search(Fixture f, Caller c) {
        return f.b2b.list(c, new ProfileFilter("LASER sensor", null, null, null, null, null, null, false), null).items();
    }
}
