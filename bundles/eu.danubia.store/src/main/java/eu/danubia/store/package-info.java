/** Database access for DanubIA modules: the {@link eu.danubia.store.Database} service, JDBC helpers and tenant-scoped SQL. */
@Export
@Version("1.3.0")
package eu.danubia.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
