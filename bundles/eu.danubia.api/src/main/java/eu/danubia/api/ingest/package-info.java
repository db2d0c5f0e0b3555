/** Connector output: normalized company, financial and regional records, and the ingest service that stores them idempotently. */
@Export
@Version("1.2.0")
package eu.danubia.api.ingest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
