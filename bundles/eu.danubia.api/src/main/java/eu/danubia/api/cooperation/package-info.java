/** Cooperation modes (B2B, C2C, C2B, RDI) and the profiles they publish. */
@Export
@Version("1.2.0")
package eu.danubia.api.cooperation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
