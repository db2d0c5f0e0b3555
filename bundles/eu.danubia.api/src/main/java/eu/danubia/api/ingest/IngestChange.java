package eu.danubia.api.ingest;

import java.util.Set;

/**
 * What one committed write of the ingest store changed.
 *
 * @param companies companies whose register record or financial statements changed
 * @param datasets regional-statistics datasets with changed values, e.g. {@code nama_10r_3empers}
 */
public record IngestChange(Set<CompanyKey> companies, Set<String> datasets) {

    public IngestChange {
        companies = companies == null ? Set.of() : Set.copyOf(companies);
        datasets = datasets == null ? Set.of() : Set.copyOf(datasets);
    }

    /** A company as the connectors identify it: the connector id and the register's identifier. */
    public record CompanyKey(String source, String nationalId) {
    }
}
