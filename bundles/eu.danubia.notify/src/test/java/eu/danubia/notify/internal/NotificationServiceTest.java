package eu.danubia.notify.internal;

import eu.danubia.store.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.mail.internet.InternetAddress;

import eu.danubia.api.NotFoundException;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.notification.Notification;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

class NotificationServiceTest {

    static final UUID ASSOCIATION = UUID.randomUUID();
    static final Instant START = Instant.parse("2026-05-04T08:00:00Z");

    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final Caller aliceCaller = new Caller(alice, "alice@example.ro", ASSOCIATION, null, Set.of(Role.MEMBER));
    final Caller bobCaller = new Caller(bob, "bob@example.hu", ASSOCIATION, null, Set.of(Role.VIEWER));
    final MutableClock clock = new MutableClock(START);

    /** SMTP on, pointing at a port nobody listens to: nothing here delivers, only the outbox is checked. */
    static SmtpSettings smtpOn() throws Exception {
        return new SmtpSettings("127.0.0.1", 1, Tls.NONE, "", "", new InternetAddress("DanubIA <noreply@danubia.local>"),
                "https://danubia.example.eu/");
    }

    NotificationServiceImpl service(Database db, SmtpSettings smtp) {
        NotificationServiceImpl service = new NotificationServiceImpl(db, clock);
        service.apply(smtp, false);
        return service;
    }

    static Notification note(UUID user, String email, String subject, String link) {
        return new Notification(user, ASSOCIATION, email, "b2b.interest.received", subject, "Someone is interested.", link);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void sendStoresTheNotificationAndItsMail(Database db) throws Exception {
        NotificationServiceImpl service = service(db, smtpOn());

        service.send(note(alice, "alice@example.ro", "New interest", "#/b2b/interests/42"));

        Page<InboxItem> inbox = service.list(aliceCaller, false, PageRequest.of(null, null));
        assertThat(inbox.total()).isEqualTo(1);
        InboxItem item = inbox.items().get(0);
        assertThat(item.kind()).isEqualTo("b2b.interest.received");
        assertThat(item.subject()).isEqualTo("New interest");
        assertThat(item.text()).isEqualTo("Someone is interested.");
        assertThat(item.link()).isEqualTo("#/b2b/interests/42");
        assertThat(item.createdAt()).isEqualTo(START);
        assertThat(item.read()).isFalse();

        Rows.Outbox mail = Rows.onlyOutbox(db);
        assertThat(mail.notificationId()).isEqualTo(item.id());
        assertThat(mail.recipient()).isEqualTo("alice@example.ro");
        assertThat(mail.subject()).isEqualTo("New interest");
        assertThat(mail.body()).isEqualTo("Someone is interested.\n\nhttps://danubia.example.eu/#/b2b/interests/42");
        assertThat(mail.attempts()).isZero();
        assertThat(mail.nextAttemptAt()).isEqualTo(START);
        assertThat(mail.sentAt()).isNull();
        assertThat(mail.lastError()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aFailedOutboxWriteRollsBackTheNotificationAndDoesNotFailTheCaller(Database db) throws Exception {
        NotificationServiceImpl service = service(db, smtpOn());
        db.transaction(c -> Jdbc.update(c, "DROP TABLE mail_outbox"));

        assertThatNoException().isThrownBy(() -> service.send(note(alice, "alice@example.ro", "New interest", null)));

        assertThat(Rows.notifications(db)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void withoutAnAddressOnlyTheInAppNotificationIsStored(Database db) throws Exception {
        NotificationServiceImpl service = service(db, smtpOn());

        service.send(note(alice, null, "No mail", null));
        service.send(note(alice, "  ", "Blank mail", null));
        service.send(note(alice, "not an address", "Bad mail", null));

        assertThat(service.unreadCount(aliceCaller)).isEqualTo(3);
        assertThat(Rows.outbox(db)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void withEmailOffNotificationsAreInAppOnly(Database db) {
        NotificationServiceImpl service = service(db, SmtpSettings.OFF);

        service.send(note(alice, "alice@example.ro", "New interest", "#/b2b"));

        assertThat(service.sender()).isNull();
        assertThat(service.unreadCount(aliceCaller)).isEqualTo(1);
        assertThat(Rows.outbox(db)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theInboxIsTheCallersOnly(Database db) {
        NotificationServiceImpl service = service(db, SmtpSettings.OFF);
        for (int i = 1; i <= 3; i++) {
            service.send(note(alice, null, "For Alice " + i, null));
            clock.advance(Duration.ofSeconds(1));
        }
        service.send(note(bob, null, "For Bob", null));
        UUID bobsNote = Rows.notificationIds(db, bob).get(0);

        Page<InboxItem> first = service.list(aliceCaller, false, PageRequest.of(0, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(InboxItem::subject).containsExactly("For Alice 3", "For Alice 2");
        assertThat(service.list(aliceCaller, false, PageRequest.of(1, 2)).items()).extracting(InboxItem::subject)
                .containsExactly("For Alice 1");
        assertThat(service.list(bobCaller, false, null).items()).extracting(InboxItem::subject).containsExactly("For Bob");
        assertThat(service.unreadCount(aliceCaller)).isEqualTo(3);

        // another user's notification: not found, and left unread
        assertThatThrownBy(() -> service.markRead(aliceCaller, bobsNote)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.markRead(aliceCaller, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(service.unreadCount(bobCaller)).isEqualTo(1);

        UUID oldest = first.items().get(1).id();
        service.markRead(aliceCaller, oldest);
        service.markRead(aliceCaller, oldest); // again: still fine
        assertThat(service.unreadCount(aliceCaller)).isEqualTo(2);
        assertThat(service.list(aliceCaller, true, null).items()).extracting(InboxItem::subject)
                .containsExactly("For Alice 3", "For Alice 1");
        assertThat(service.list(aliceCaller, false, null).items()).filteredOn(InboxItem::read)
                .extracting(InboxItem::id).containsExactly(oldest);

        service.markAllRead(aliceCaller);
        assertThat(service.unreadCount(aliceCaller)).isZero();
        assertThat(service.list(aliceCaller, true, null).total()).isZero();
        assertThat(service.unreadCount(bobCaller)).isEqualTo(1);

        assertThatThrownBy(() -> service.unreadCount(Caller.ANONYMOUS)).isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void malformedNotificationsAreProgrammingErrors(Database db) {
        NotificationServiceImpl service = service(db, SmtpSettings.OFF);

        assertThatThrownBy(() -> service.send(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.send(note(null, null, "Subject", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> service.send(note(alice, null, " ", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> service.send(note(alice, null, "x".repeat(301), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> service.send(new Notification(alice, null, null, "", "S", "T", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> service.send(new Notification(alice, null, null, "k", "S", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
        for (String link : new String[] {"https://evil.example/", "//evil.example", "javascript:alert(1)",
            "/\\evil.example", "#/a b", "#/a\nBcc: x@y"}) {
            assertThatThrownBy(() -> service.send(note(alice, null, "Subject", link)))
                    .as(link).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link");
        }
        assertThat(Rows.notifications(db)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aSubjectIsStoredAsOneLine(Database db) throws Exception {
        NotificationServiceImpl service = service(db, smtpOn());

        service.send(note(alice, "alice@example.ro", "Hello\r\nBcc: victim@example.com", null));

        assertThat(service.list(aliceCaller, false, null).items().get(0).subject()).isEqualTo("Hello Bcc: victim@example.com");
        assertThat(Rows.onlyOutbox(db).subject()).isEqualTo("Hello Bcc: victim@example.com");
    }
}
