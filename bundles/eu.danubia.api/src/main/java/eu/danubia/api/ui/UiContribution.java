package eu.danubia.api.ui;

import java.util.Set;

import eu.danubia.api.security.Role;

/**
 * What a module adds to the web shell: a menu entry and the script that renders its page.
 * Register one as an OSGi service; the shell lists exactly the contributions registered, so the
 * entry appears when the module's feature is installed and disappears when it is uninstalled.
 *
 * <p>The script is an ES module served by the module itself (e.g. through an HTTP whiteboard
 * resource under {@code /ui/<id>/}) that exports {@code render(element, context)}.
 */
public interface UiContribution {

    /** Stable id, also the route: the page is shown at {@code /#/<id>}. */
    String id();

    /** The menu label. */
    String label();

    /** URL path of the ES module that renders the page, e.g. {@code /ui/directory/directory.js}. */
    String script();

    /** Menu position, lower first. */
    default int order() {
        return 100;
    }

    /** Roles that see the entry; empty means everyone, including anonymous visitors. */
    default Set<Role> roles() {
        return Set.of();
    }
}
