package eu.danubia.security.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Runs the first-admin check whenever the security bundle starts (see {@link AdminBootstrap}). */
@Component(service = {}, immediate = true, configurationPid = Settings.PID)
public class AdminBootstrapComponent {

    @Activate
    public AdminBootstrapComponent(@Reference AccountServiceImpl accounts, SecurityConfig config) {
        new AdminBootstrap(accounts, System.out).ensureAdmin(Settings.of(config).initialAdminEmail(), suppliedPassword());
    }

    /** From the environment, else the system property; {@code null} when neither is set. */
    static char[] suppliedPassword() {
        String value = System.getenv(AdminBootstrap.ENV);
        if (value == null || value.isEmpty()) {
            value = System.getProperty(AdminBootstrap.PROPERTY);
        }
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }
}
