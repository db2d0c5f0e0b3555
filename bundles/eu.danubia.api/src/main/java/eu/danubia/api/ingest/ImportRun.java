package eu.danubia.api.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * One import of one source document (a file, a URL, a scheduled pull) and what became of its records.
 *
 * @param state {@code RUNNING}, {@code DONE} or {@code FAILED} (the document as a whole could not be read)
 * @param error why it failed, or null
 */
public record ImportRun(UUID id, String connector, String source, Instant startedAt, Instant finishedAt, String state,
        long read, long stored, long unchanged, long rejected, String error) {
}
