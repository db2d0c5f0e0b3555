package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.danubia.demo.internal.DemoPasswords.Credential;

class DemoPasswordsTest {

    @Test
    void generatedPasswordsAreLongMixedAndDistinct() {
        DemoPasswords passwords = new DemoPasswords("", new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String p = passwords.next();
            assertThat(p).matches("[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}").hasSizeGreaterThanOrEqualTo(12)
                    .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[2-9]")
                    .doesNotContain("0", "O", "1", "l", "I");
            assertThat(seen.add(p)).isTrue();
        }
        assertThat(passwords.isConfigured()).isFalse();
        assertThat(passwords.configuredProblem()).isNull();
    }

    @Test
    void aConfiguredPasswordIsUsedAsIs() {
        DemoPasswords passwords = new DemoPasswords("Correct-Horse-Danube", new SecureRandom());
        assertThat(passwords.isConfigured()).isTrue();
        assertThat(passwords.next()).isEqualTo("Correct-Horse-Danube");
        assertThat(passwords.next()).isEqualTo("Correct-Horse-Danube");
        assertThat(new DemoPasswords("elevenchars", new SecureRandom()).configuredProblem()).contains("12");
        assertThat(new DemoPasswords("   ", new SecureRandom()).isConfigured()).isFalse();
    }

    @Test
    void bannerAndLogLineListEveryCredential() {
        List<Credential> credentials = List.of(new Credential("admin@a.demo.danubia.eu", "Abcde-23456-fghij-KLMNP"),
                new Credential("admin@longer-slug.demo.danubia.eu", "Qrstu-78923-vwxyz-ABCDE"));

        String banner = DemoPasswords.banner(credentials);
        assertThat(banner).contains("admin@a.demo.danubia.eu", "Abcde-23456-fghij-KLMNP",
                "admin@longer-slug.demo.danubia.eu", "Qrstu-78923-vwxyz-ABCDE", "shown only this once");
        assertThat(DemoPasswords.logLine(credentials)).contains("admin@a.demo.danubia.eu Abcde-23456-fghij-KLMNP, "
                + "admin@longer-slug.demo.danubia.eu Qrstu-78923-vwxyz-ABCDE").doesNotContain("\n");
        assertThat(credentials.get(0).toString()).doesNotContain("Abcde");
    }
}
