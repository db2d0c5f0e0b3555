package eu.danubia.connector.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Turns one source document (an HTTP response body or a dropped file) into items, streaming: a
 * reader never holds a whole large file in memory, and one bad record becomes a
 * {@link Item.Rejected} without stopping the rest. Readers are pure functions of their input, so a
 * connector's mapping is tested without Camel, HTTP or a database.
 */
public interface SourceReader {

    /**
     * @param name the document's name for positions and messages (a file name or a URL path)
     * @throws IOException only when the document as a whole cannot be read (the route then rejects it as a whole)
     */
    void read(InputStream in, String name, Consumer<Item> sink) throws IOException;
}
