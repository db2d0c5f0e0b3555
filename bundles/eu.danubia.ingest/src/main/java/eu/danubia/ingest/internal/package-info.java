/** The ingest store: idempotent upserts of normalized records, dead letters, import runs. */
package eu.danubia.ingest.internal;
