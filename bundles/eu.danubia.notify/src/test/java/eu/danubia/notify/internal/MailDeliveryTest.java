package eu.danubia.notify.internal;

import eu.danubia.store.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import eu.danubia.api.notification.Notification;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;

/** Delivery against a real SMTP server (GreenMail) on both databases. */
class MailDeliveryTest {

    static final String USER = "mailer";
    static final String PASSWORD = "s3cret-Pa55";
    static final Instant START = Instant.parse("2026-05-04T08:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    final UUID alice = UUID.randomUUID();
    final MutableClock clock = new MutableClock(START);

    static SmtpSettings settings(int port, String username, String password) throws Exception {
        return new SmtpSettings("127.0.0.1", port, Tls.NONE, username, password,
                new InternetAddress("DanubIA <noreply@danubia.local>"), "http://localhost:8181");
    }

    NotificationServiceImpl service(Database db, SmtpSettings smtp) {
        NotificationServiceImpl service = new NotificationServiceImpl(db, clock);
        service.apply(smtp, false);
        return service;
    }

    Notification offer(String email) {
        return new Notification(alice, null, email, "b2b.profile.published", "Ofertă tehnologică: senzori",
                "Profilul „Senzori de umiditate” a fost publicat. Ärger? Нет.", "#/b2b/profiles/7");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theMailArrivesWithRecipientSubjectAndUtf8Body(Database db) throws Exception {
        NotificationServiceImpl service = service(db, settings(SMTP.getSmtp().getPort(), USER, PASSWORD));
        service.send(offer("alice@example.ro"));

        assertThat(service.sender().deliverDue()).isEqualTo(1);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("alice@example.ro");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@danubia.local");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("DanubIA");
        assertThat(mail.getSubject()).isEqualTo("Ofertă tehnologică: senzori");
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(
                "Profilul „Senzori de umiditate” a fost publicat. Ärger? Нет.\n\nhttp://localhost:8181/#/b2b/profiles/7");

        Rows.Outbox row = Rows.onlyOutbox(db);
        assertThat(row.sentAt()).isEqualTo(START);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.nextAttemptAt()).isNull();
        assertThat(service.sender().deliverDue()).as("nothing left to send").isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aMailStaysInTheOutboxWhileTheServerIsDownAndLeavesOnceItIsUp(Database db) throws Exception {
        int port = freePort();
        NotificationServiceImpl service = service(db, settings(port, "", ""));
        service.send(offer("alice@example.ro"));

        assertThat(service.sender().deliverDue()).isZero();

        Rows.Outbox failed = Rows.onlyOutbox(db);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.sentAt()).isNull();
        assertThat(failed.lastError()).contains("MailConnectException").contains(Integer.toString(port));
        assertThat(failed.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));

        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            clock.advance(Duration.ofSeconds(59));
            assertThat(service.sender().deliverDue()).as("not due yet").isZero();
            assertThat(server.getReceivedMessages()).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            assertThat(service.sender().deliverDue()).isEqualTo(1);
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("Ofertă tehnologică: senzori");
        } finally {
            server.stop();
        }
        Rows.Outbox sent = Rows.onlyOutbox(db);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void retriesBackOffAndGiveUpAfterSixAttempts(Database db) throws Exception {
        NotificationServiceImpl service = service(db, settings(freePort(), "", ""));
        service.send(offer("alice@example.ro"));
        Duration[] waits = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(2)};

        service.sender().deliverDue();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Rows.Outbox row = Rows.onlyOutbox(db);
            assertThat(row.attempts()).isEqualTo(attempt);
            assertThat(row.nextAttemptAt()).isEqualTo(clock.instant().plus(waits[attempt - 1]));
            clock.advance(waits[attempt - 1]);
            service.sender().deliverDue();
        }

        Rows.Outbox givenUp = Rows.onlyOutbox(db);
        assertThat(givenUp.attempts()).isEqualTo(6);
        assertThat(givenUp.nextAttemptAt()).isNull();
        assertThat(givenUp.sentAt()).isNull();
        assertThat(givenUp.lastError()).contains("MailConnectException");

        clock.advance(Duration.ofDays(7));
        service.sender().deliverDue();
        assertThat(Rows.onlyOutbox(db).attempts()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aRejectedLoginIsRecordedWithoutThePassword(Database db) throws Exception {
        String wrong = "wrong-Pa55-" + UUID.randomUUID();
        NotificationServiceImpl service = service(db, settings(SMTP.getSmtp().getPort(), USER, wrong));
        service.send(offer("alice@example.ro"));

        assertThat(service.sender().deliverDue()).isZero();

        Rows.Outbox row = Rows.onlyOutbox(db);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("AuthenticationFailedException").doesNotContain(wrong);
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        // the operator fixes the password: the new sender delivers the waiting mail
        service.apply(settings(SMTP.getSmtp().getPort(), USER, PASSWORD), false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.sender().deliverDue()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theBackgroundSenderDeliversRightAfterSendAndStopsOnDeactivate(Database db) throws Exception {
        NotificationServiceImpl service = new NotificationServiceImpl(db, clock);
        service.apply(settings(SMTP.getSmtp().getPort(), USER, PASSWORD), true);
        try {
            service.send(offer("alice@example.ro"));
            assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Ofertă tehnologică: senzori");
        } finally {
            service.deactivate();
        }
        assertThat(service.sender()).isNull();
        assertThat(MailThreads.stillAliveAfterWaiting()).as("the mail thread stops on deactivate").isFalse();
        // in-app still works with the sender gone
        service.send(offer(null));
        assertThat(service.unreadCount(new Caller(alice, "a@b.c", null, null, Set.of(Role.MEMBER)))).isEqualTo(2);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
