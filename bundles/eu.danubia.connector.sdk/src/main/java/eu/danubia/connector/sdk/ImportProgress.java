package eu.danubia.connector.sdk;

import java.util.UUID;

/**
 * How far one import of one source document has come, as seen while it runs.
 *
 * @param run        the id {@code IngestService.startRun} gave
 * @param source     the file path or URL
 * @param bytesRead  bytes of the document read so far
 * @param totalBytes the document's size when known (file length, Content-Length), else {@code -1}
 * @param read       items the reader produced
 * @param stored     records stored new or changed
 * @param unchanged  records the store already held as they are
 * @param rejected   dead letters written: rejected items, records the store refused, and the document itself when
 *                   it could not be read to the end
 * @param finished   whether this is the last report of the run
 */
public record ImportProgress(UUID run, String connector, String source, long bytesRead, long totalBytes, long read,
        long stored, long unchanged, long rejected, boolean finished) {

    /** 0–100 when the size is known, else {@code -1}. */
    public int percent() {
        if (finished) {
            return 100;
        }
        if (totalBytes <= 0) {
            return -1;
        }
        return (int) Math.min(100, bytesRead * 100 / totalBytes);
    }
}
