package eu.danubia.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.danubia.api.ValidationException;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "karaf", "KARAF", "Admin", "password", "123456", "123456789012", "danubia",
        "danubia12345", "password1234", "qwertyuiop12", "adminadmin12"})
    void rejectsTheCommonestPasswords(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password.toCharArray(), "someone@example.org"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsEntry("password", "is one of the most common passwords"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Sh0rt!pass", "elevenchars"})
    void rejectsShortPasswords(String password) {
        assertThat(PasswordPolicy.problem(password.toCharArray(), "someone@example.org"))
                .isEqualTo("must be at least 12 characters");
    }

    @Test
    void rejectsTheEmailAsPassword() {
        assertThat(PasswordPolicy.problem("Someone@Example.org".toCharArray(), "someone@example.org"))
                .isEqualTo("must not be the email address");
    }

    @Test
    void rejectsRepeatedCharacterAndOverlongPasswords() {
        assertThat(PasswordPolicy.problem("zzzzzzzzzzzzzzzz".toCharArray(), null)).isNotNull();
        assertThat(PasswordPolicy.problem("x1".repeat(129).toCharArray(), null)).isEqualTo("must be at most 256 characters");
    }

    @Test
    void rejectsMissingPassword() {
        assertThat(PasswordPolicy.problem(null, null)).isEqualTo("is required");
        assertThat(PasswordPolicy.problem(new char[0], null)).isEqualTo("is required");
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(PasswordPolicy.problem("correct-horse-battery-staple".toCharArray(), "someone@example.org")).isNull();
        assertThat(PasswordPolicy.problem("exactly12chr".toCharArray(), "someone@example.org")).isNull();
    }
}
