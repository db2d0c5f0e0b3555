package eu.danubia.connector.sdk.internal;

import java.net.URI;
import java.nio.file.Path;

import eu.danubia.connector.sdk.ProgressListener;

/**
 * What one exchange of a connector's routes imports. It travels as an exchange property, never as a header, so
 * nothing an inbound message carries can change it.
 */
public final class ImportRequest {

    /** The exchange property holding the request. */
    public static final String PROPERTY = "danubia.import.request";

    final URI url;
    final Path file;
    final boolean dropped;
    final ProgressListener listener;
    RunState run;
    Document document;
    int attempts;

    private ImportRequest(URI url, Path file, boolean dropped, ProgressListener listener) {
        this.url = url;
        this.file = file;
        this.dropped = dropped;
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    public static ImportRequest pull(URI url, ProgressListener listener) {
        return new ImportRequest(url, null, false, listener);
    }

    public static ImportRequest file(Path file, ProgressListener listener) {
        return new ImportRequest(null, file.toAbsolutePath().normalize(), false, listener);
    }

    static ImportRequest dropped(Path file) {
        return new ImportRequest(null, file.toAbsolutePath().normalize(), true, null);
    }

    /** Whether this request fetches a URL (else it reads a file). */
    public boolean isPull() {
        return url != null;
    }

    /** The run, once started. */
    public RunState run() {
        return run;
    }

    String source() {
        return url != null ? url.toString() : file.toString();
    }

    /** The document name readers and positions use: a file's name, or a URL's path and query. */
    String documentName() {
        if (url == null) {
            return file.getFileName().toString();
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
