/** The directory of organisations and clusters, as other modules read it. */
@Export
@Version("1.0.0")
package eu.danubia.api.directory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
