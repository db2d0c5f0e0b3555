package eu.danubia.security.internal;

import java.io.PrintStream;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.ConflictException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.UserAccount;

/**
 * Creates the first platform admin when the platform has no active one. There are no default
 * credentials: the operator supplies the password, or a random one is generated and shown once.
 */
final class AdminBootstrap {

    static final String ENV = "DANUBIA_ADMIN_PASSWORD";
    static final String PROPERTY = "danubia.admin.password";

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountServiceImpl accounts;
    private final PrintStream console;

    AdminBootstrap(AccountServiceImpl accounts, PrintStream console) {
        this.accounts = accounts;
        this.console = console;
    }

    /**
     * @param supplied the operator's password, or {@code null} to generate one; wiped either way
     * @return the admin created, or empty when one existed already or none could be created
     */
    Optional<UserAccount> ensureAdmin(String email, char[] supplied) {
        boolean generated = supplied == null;
        char[] password = generated ? Secrets.password() : supplied;
        try {
            if (accounts.activePlatformAdminExists()) {
                return Optional.empty();
            }
            String problem = PasswordPolicy.problem(password, email);
            if (problem != null) {
                LOG.error("No platform admin created: the password from {} or {} {}. Set one that satisfies the "
                        + "password policy and restart the bundle.", ENV, PROPERTY, problem);
                return Optional.empty();
            }
            UserAccount admin;
            try {
                admin = accounts.createFirstAdmin(email, password);
            } catch (ConflictException e) {
                if (!accounts.activePlatformAdminExists()) {
                    LOG.error("No platform admin created: the user {} exists but is not an active platform admin. "
                            + "Set initialAdminEmail in {} to another address.", email, Settings.PID);
                }
                return Optional.empty(); // otherwise another node created it a moment ago
            } catch (ValidationException e) {
                LOG.error("No platform admin created: initialAdminEmail in {} {}", Settings.PID, e.errors());
                return Optional.empty();
            }
            if (generated) {
                announce(admin.email(), password);
            } else {
                LOG.info("Created the first platform admin {} with the password from {} or {}", admin.email(), ENV, PROPERTY);
            }
            return Optional.of(admin);
        } finally {
            Secrets.wipe(password);
        }
    }

    /** The only place the generated password ever appears; it is not stored anywhere in clear. */
    private void announce(String email, char[] password) {
        String line = "=".repeat(72);
        console.println(line);
        console.println(" DanubIA: created the first platform admin. Shown only this once:");
        console.println();
        console.println("   email:    " + email);
        console.print("   password: ");
        console.println(password);
        console.println();
        console.println(" Log in and change it now. To choose it yourself instead, set " + ENV);
        console.println(" (or -D" + PROPERTY + ") before the first start.");
        console.println(line);
        console.flush();
        LOG.warn("Created the first platform admin {} with the generated password {} (shown once; change it now)",
                email, new String(password));
    }
}
