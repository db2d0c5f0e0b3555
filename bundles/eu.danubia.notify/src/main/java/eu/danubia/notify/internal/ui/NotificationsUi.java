package eu.danubia.notify.internal.ui;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.security.Role;
import eu.danubia.api.ui.UiContribution;

/** The Notifications menu entry of the web shell, for every logged-in user; it exists exactly as long as this bundle runs. */
@Component(service = UiContribution.class)
public class NotificationsUi implements UiContribution {

    @Override
    public String id() {
        return "notifications";
    }

    @Override
    public String label() {
        return "Notifications";
    }

    @Override
    public String script() {
        return "/ui/notifications/notifications.js";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.PLATFORM_ADMIN, Role.ASSOCIATION_ADMIN, Role.MEMBER, Role.VIEWER);
    }
}
