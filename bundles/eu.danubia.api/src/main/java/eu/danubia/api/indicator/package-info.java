/** Indicator providers: competitiveness indicators of companies, clusters and regions. */
@Export
@Version("1.0.0")
package eu.danubia.api.indicator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
