package eu.danubia.security.internal;

import java.util.List;

import eu.danubia.api.ValidationException;

/**
 * What a password must be (ASVS V2.1): at least 12 characters, at most 256, not the account's email,
 * not one character repeated, and not one of the passwords attackers try first. Compared on the
 * char array itself, so the password never becomes an unwipeable String.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    // Lower-case; compared ignoring case. The short ones also fail on length, but are listed so the
    // message says why they are bad; the long ones are what breach lists show at 12+ characters.
    private static final List<String> COMMON = List.of(
            "admin", "administrator", "root", "toor", "karaf", "guest", "test", "user", "secret", "changeme",
            "password", "passw0rd", "p@ssw0rd", "password1", "password12", "password123", "password1234",
            "password12345", "password123456", "passwordpassword", "p@ssw0rd1234", "p@ssword1234",
            "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "123456789012",
            "1234567890123", "111111", "000000", "111111111111", "000000000000", "123123123123",
            "qwerty", "qwertyuiop", "qwerty123456", "qwertyqwerty", "qwertyuiop12", "1q2w3e4r5t6y",
            "1qaz2wsx3edc", "abc123", "abc123456789", "iloveyou", "iloveyou1234", "letmein", "letmein12345",
            "welcome", "welcome12345", "welcome@1234", "monkey", "dragon", "football", "baseball", "sunshine",
            "princess", "trustno1", "changeme1234", "changemenow!", "adminadmin", "adminadmin12", "admin1234567",
            "admin@123456", "administrator1", "karafkaraf", "karafkaraf12", "karaf1234567",
            "danubia", "danubia123", "danubia1234", "danubia12345", "danubia123456", "danubia2024",
            "danubia2025", "danubia2026", "danubiadanubia", "danubiaadmin", "admindanubia");

    private PasswordPolicy() {
    }

    /** What is wrong with the password for the account with that email, or {@code null} when it is acceptable. */
    public static String problem(char[] password, String email) {
        if (password == null || password.length == 0) {
            return "is required";
        }
        for (String common : COMMON) {
            if (equalsIgnoreCase(password, common)) {
                return "is one of the most common passwords";
            }
        }
        if (password.length < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.length > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (email != null && equalsIgnoreCase(password, email.trim())) {
            return "must not be the email address";
        }
        if (oneCharacter(password)) {
            return "must not repeat a single character";
        }
        return null;
    }

    /** Throws a {@link ValidationException} on field {@code password} when the password is not acceptable. */
    public static void check(char[] password, String email) {
        String problem = problem(password, email);
        if (problem != null) {
            throw new ValidationException("password", problem);
        }
    }

    private static boolean equalsIgnoreCase(char[] password, String text) {
        if (password.length != text.length()) {
            return false;
        }
        for (int i = 0; i < password.length; i++) {
            char a = password[i];
            char b = text.charAt(i);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean oneCharacter(char[] password) {
        for (char c : password) {
            if (c != password[0]) {
                return false;
            }
        }
        return true;
    }
}
