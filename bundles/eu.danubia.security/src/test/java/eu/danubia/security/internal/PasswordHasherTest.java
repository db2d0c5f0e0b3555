package eu.danubia.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithOwaspParametersInPhcFormat() {
        String encoded = hasher.hash("correct-horse-battery-staple".toCharArray());

        assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = encoded.split("\\$");
        assertThat(parts).hasSize(6);
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(parts[4]).doesNotContain("=");
        assertThat(hasher.needsRehash(encoded)).isFalse();
    }

    @Test
    void roundTripAcceptsTheRightPasswordOnly() {
        String encoded = hasher.hash("correct-horse-battery-staple".toCharArray());

        assertThat(hasher.verify("correct-horse-battery-staple".toCharArray(), encoded)).isTrue();
        assertThat(hasher.verify("correct-horse-battery-stapl".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("Correct-horse-battery-staple".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify(new char[0], encoded)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        char[] password = "correct-horse-battery-staple".toCharArray();
        assertThat(hasher.hash(password)).isNotEqualTo(hasher.hash(password));
    }

    @Test
    void hashesNonAsciiPasswordsAsUtf8() {
        String encoded = hasher.hash("Dunaj-Duna-Донау-Dunărea".toCharArray());
        assertThat(hasher.verify("Dunaj-Duna-Донау-Dunărea".toCharArray(), encoded)).isTrue();
        assertThat(hasher.verify("Dunaj-Duna-Донау-Dunarea".toCharArray(), encoded)).isFalse();
    }

    /** Known answers from the Argon2 reference implementation (phc-winner-argon2), password "password", salt "somesalt". */
    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
    })
    void verifiesReferenceHashes(String reference) {
        assertThat(hasher.verify("password".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("passwore".toCharArray(), reference)).isFalse();
        assertThat(hasher.needsRehash(reference)).isTrue();
    }

    @Test
    void knownAnswerForAnotherPassword() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94";
        assertThat(hasher.verify("differentpassword".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("password".toCharArray(), reference)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain-text-password",
        "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8",
        "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ",
        "$argon2id$v=19$m=256,t=2,p=1$c29t!XNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2000,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"
    })
    void rejectsMalformedOrOutOfBoundsHashes(String encoded) {
        assertThat(hasher.verify("password".toCharArray(), encoded)).isFalse();
    }

    @Test
    void rejectsNullHash() {
        assertThat(hasher.verify("password".toCharArray(), null)).isFalse();
    }
}
