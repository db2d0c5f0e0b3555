/** Core domain of DanubIA: associations (tenants), organisations, clusters, memberships, contacts, and the shared error and paging types. */
@Export
@Version("1.2.0")
package eu.danubia.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
