/**
 * What a module needs to add REST resources under {@code /api}: the whiteboard selectors in
 * {@link eu.danubia.web.Api} and the caller of a request from {@link eu.danubia.web.RequestCaller}.
 */
@Export
@Version("1.0.0")
package eu.danubia.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
