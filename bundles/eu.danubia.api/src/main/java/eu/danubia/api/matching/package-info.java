/** The matching engine: recommendations with reasons, search, classification into sector codes, funding-call recommendations. */
@Export
@Version("1.0.0")
package eu.danubia.api.matching;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
