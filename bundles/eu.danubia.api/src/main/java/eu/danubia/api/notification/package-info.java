/** Notifications to users: in the web shell and by e-mail. */
@Export
@Version("1.0.0")
package eu.danubia.api.notification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
