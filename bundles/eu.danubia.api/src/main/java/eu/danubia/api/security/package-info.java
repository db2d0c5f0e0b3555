/** Who is calling: roles, the caller of a request, authentication and the audit log. */
@Export
@Version("1.2.0")
package eu.danubia.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
