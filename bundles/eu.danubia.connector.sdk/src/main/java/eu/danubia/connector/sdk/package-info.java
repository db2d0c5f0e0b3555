/**
 * The connector SDK: what a country connector implements ({@link eu.danubia.connector.sdk.SourceReader}) and
 * extends ({@link eu.danubia.connector.sdk.ConnectorRoutes}), the settings of its sources
 * ({@link eu.danubia.connector.sdk.ConnectorSettings}), a line reader for row formats
 * ({@link eu.danubia.connector.sdk.Lines}), and what {@code danubia:import} needs
 * ({@link eu.danubia.connector.sdk.ImportableConnector}). JSON sources are read with
 * {@code eu.danubia.connector.sdk.json}. The guide is {@code docs/writing-a-connector.md}.
 */
@Export
@Version("1.1.0")
package eu.danubia.connector.sdk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
