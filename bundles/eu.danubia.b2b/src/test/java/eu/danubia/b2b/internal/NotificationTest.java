package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.offer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.notification.Notification;
import eu.danubia.store.Database;

/** Who is told what: the kind, the recipient and the link of every B2B notification. */
class NotificationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void moderationTellsTheOwnerUser(Database database) {
        Fixture f = new Fixture(database);
        UUID returned = f.submitted(f.memberA1, offer("Laser sensor")).id();
        f.b2b.returnToDraft(f.adminA, returned, new ReturnInput("Add the target market, please."));
        UUID approved = f.submitted(f.memberA2, offer("Frozen fruit")).id();
        f.b2b.approve(f.adminA, approved);

        assertThat(f.sent.all).hasSize(2);
        Notification r = f.sent.ofKind(Notifier.PROFILE_RETURNED).get(0);
        assertThat(r.userId()).isEqualTo(f.memberA1.userId());
        assertThat(r.email()).isEqualTo(f.memberA1.email());
        assertThat(r.associationId()).isEqualTo(f.a);
        assertThat(r.subject()).isEqualTo("Your B2B profile \"Laser sensor\" was returned for changes");
        assertThat(r.text()).contains("Add the target market, please.");
        assertThat(r.link()).isEqualTo("#/b2b/profiles/" + returned);
        Notification a = f.sent.ofKind(Notifier.PROFILE_APPROVED).get(0);
        assertThat(a.userId()).isEqualTo(f.memberA2.userId());
        assertThat(a.subject()).isEqualTo("Your B2B profile \"Frozen fruit\" was approved");
        assertThat(a.link()).isEqualTo("#/b2b/profiles/" + approved);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void interestsTellTheOtherSide(Database database) {
        Fixture f = new Fixture(database);
        UUID profile = f.published(f.memberA1, offer("Laser sensor")).id();
        f.sent.clear();

        UUID fromB1 = f.b2b.express(f.memberB1, profile, new InterestInput("hello", null)).id();
        UUID fromB2 = f.b2b.express(f.memberB2, profile, new InterestInput("hello too", null)).id();
        assertThat(f.sent.ofKind(Notifier.INTEREST_RECEIVED)).hasSize(2).allSatisfy(n -> {
            assertThat(n.userId()).isEqualTo(f.memberA1.userId());
            assertThat(n.email()).isEqualTo(f.memberA1.email());
            assertThat(n.associationId()).isEqualTo(f.a);
            assertThat(n.subject()).isEqualTo("New expression of interest in \"Laser sensor\"");
            assertThat(n.link()).isEqualTo("#/b2b/interests");
        });

        f.b2b.accept(f.memberA1, fromB1);
        f.b2b.decline(f.adminA, fromB2);
        Notification accepted = f.sent.ofKind(Notifier.INTEREST_ACCEPTED).get(0);
        assertThat(accepted.userId()).isEqualTo(f.memberB1.userId());
        assertThat(accepted.email()).isEqualTo(f.memberB1.email());
        assertThat(accepted.associationId()).isEqualTo(f.b);
        assertThat(accepted.subject()).isEqualTo("Your expression of interest in \"Laser sensor\" was accepted");
        assertThat(accepted.link()).isEqualTo("#/b2b/interests");
        Notification declined = f.sent.ofKind(Notifier.INTEREST_DECLINED).get(0);
        assertThat(declined.userId()).isEqualTo(f.memberB2.userId());
        assertThat(declined.subject()).isEqualTo("Your expression of interest in \"Laser sensor\" was declined");
        assertThat(f.sent.all).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void withoutANotificationServiceNothingIsSentAndNothingFails(Database database) {
        Fixture f = new Fixture(database);
        f.b2b.notifications = null;
        UUID profile = f.published(f.memberA1, offer("Laser sensor")).id();
        UUID interest = f.b2b.express(f.memberB1, profile, new InterestInput("hello", null)).id();
        f.b2b.accept(f.memberA1, interest);

        f.b2b.notifications = n -> {
            throw new IllegalStateException("SMTP down");
        };
        UUID other = f.published(f.memberA2, offer("Second")).id();

        assertThat(f.sent.all).isEmpty();
        assertThat(f.b2b.get(f.anonymous, other).status().name()).isEqualTo("PUBLISHED");
    }
}
