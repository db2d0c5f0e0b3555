/**
 * Reading JSON sources: {@link eu.danubia.connector.sdk.json.JsonInput} streams a JSON document (an array of
 * records, or one object) a record at a time, so that one record with bad bytes is rejected alone and a broken
 * document fails with the place the parser reached; {@link eu.danubia.connector.sdk.json.JsonHttp} makes the small
 * JSON requests that decide what a connector pulls (a search, pages of ids). Jackson types appear in this API; the
 * platform's Camel feature provides Jackson. The guide is {@code docs/writing-a-connector.md}.
 */
@Export
@Version("1.0.0")
package eu.danubia.connector.sdk.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
