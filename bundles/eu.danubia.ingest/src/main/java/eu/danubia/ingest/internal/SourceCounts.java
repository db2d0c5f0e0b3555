package eu.danubia.ingest.internal;

/**
 * What the store holds for one source. Regional statistics carry no connector id, so they are
 * counted under their dataset (e.g. {@code nama_10r_3empers}).
 */
public record SourceCounts(String source, long companies, long financials, long regionStats, long deadLetters) {
}
