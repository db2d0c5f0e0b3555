package eu.danubia.notify.internal;

import eu.danubia.store.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import eu.danubia.notify.internal.SmtpSettingsTest.Config;
import eu.danubia.store.testing.TestDatabases;

class MailConfiguratorTest {

    @Test
    void eachConfigurationReplacesTheSenderAndAnEmptyHostRemovesIt() {
        NotificationServiceImpl service = new NotificationServiceImpl(TestDatabases.h2(),
                new MutableClock(Instant.parse("2026-05-04T08:00:00Z")));
        assertThat(service.sender()).as("off until configured").isNull();

        MailConfigurator configurator = new MailConfigurator(service,
                new Config("smtp.example.eu", 587, Tls.STARTTLS, "mailer", "pw", "a@b.eu", "https://x.eu"));
        MailSender first = service.sender();
        assertThat(first).isNotNull();

        configurator.modified(new Config("smtp2.example.eu", 465, Tls.SSL, "", "", "a@b.eu", "https://x.eu"));
        assertThat(service.sender()).isNotNull().isNotSameAs(first);

        configurator.modified(new Config("", 587, Tls.STARTTLS, "", "", "a@b.eu", ""));
        assertThat(service.sender()).isNull();

        configurator.modified(new Config("smtp.example.eu", 587, Tls.STARTTLS, "", "", "a@b.eu", ""));
        assertThat(service.sender()).isNotNull();
        configurator.deactivate();
        assertThat(service.sender()).isNull();
        assertThat(MailThreads.stillAliveAfterWaiting()).as("the mail thread stops on deactivate").isFalse();
    }
}
