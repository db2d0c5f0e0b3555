/** UI contributions: what a module adds to the web shell. */
@Export
@Version("1.0.0")
package eu.danubia.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
