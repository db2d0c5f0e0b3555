package eu.danubia.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

    /** A configuration as DS would hand it over, with the given values. */
    record Config(String smtpHost, int smtpPort, Tls tls, String username, String password, String from,
            String publicUrl) implements NotifyConfig {

        @Override
        public Class<? extends Annotation> annotationType() {
            return NotifyConfig.class;
        }
    }

    static Config config(String host, Tls tls, String from) {
        return new Config(host, 587, tls, "mailer", "t0p-secret", from, "https://danubia.example.eu/");
    }

    @Test
    void anEmptyHostTurnsEmailOff() {
        assertThat(SmtpSettings.of(config("", Tls.STARTTLS, "DanubIA <noreply@danubia.local>")).enabled()).isFalse();
        assertThat(SmtpSettings.of(config("  ", Tls.STARTTLS, "DanubIA <noreply@danubia.local>")).enabled()).isFalse();
        assertThat(SmtpSettings.of(config("smtp.example.eu", Tls.STARTTLS, "DanubIA <noreply@danubia.local>")).enabled())
                .isTrue();
    }

    @Test
    void anUnusableSenderOrPortTurnsEmailOff() {
        assertThat(SmtpSettings.of(config("smtp.example.eu", Tls.NONE, "not an address <")).enabled()).isFalse();
        assertThat(SmtpSettings.of(new Config("smtp.example.eu", 0, Tls.NONE, "", "", "a@b.eu", "")).enabled()).isFalse();
    }

    @Test
    void starttlsIsRequiredNotOpportunistic() {
        Properties p = SmtpSettings.of(config("smtp.example.eu", Tls.STARTTLS, "a@b.eu")).sessionProperties();
        assertThat(p).containsEntry("mail.smtp.host", "smtp.example.eu").containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true").containsEntry("mail.smtp.auth", "true")
                .doesNotContainKey("mail.smtp.ssl.enable").doesNotContainKey("mail.debug");
        assertThat(p.getProperty("mail.smtp.connectiontimeout")).isNotNull();
        assertThat(p.getProperty("mail.smtp.timeout")).isNotNull();
    }

    @Test
    void sslAndNone() {
        Properties ssl = SmtpSettings.of(config("smtp.example.eu", Tls.SSL, "a@b.eu")).sessionProperties();
        assertThat(ssl).containsEntry("mail.smtp.ssl.enable", "true").doesNotContainKey("mail.smtp.starttls.enable");
        Properties none = SmtpSettings.of(new Config("relay", 25, Tls.NONE, "", "", "a@b.eu", "")).sessionProperties();
        assertThat(none).containsEntry("mail.smtp.auth", "false").doesNotContainKey("mail.smtp.ssl.enable")
                .doesNotContainKey("mail.smtp.starttls.enable");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        SmtpSettings s = SmtpSettings.of(config("smtp.example.eu", Tls.STARTTLS, "a@b.eu"));
        assertThat(s.password()).isEqualTo("t0p-secret");
        assertThat(s.toString()).doesNotContain("t0p-secret").contains("***").contains("smtp.example.eu");
    }

    @Test
    void linksJoinThePublicUrlWithOneSlash() {
        SmtpSettings s = SmtpSettings.of(config("smtp.example.eu", Tls.STARTTLS, "a@b.eu"));
        assertThat(s.absoluteLink("#/b2b/profiles/7")).isEqualTo("https://danubia.example.eu/#/b2b/profiles/7");
        assertThat(s.absoluteLink("/#/b2b")).isEqualTo("https://danubia.example.eu/#/b2b");
    }
}
