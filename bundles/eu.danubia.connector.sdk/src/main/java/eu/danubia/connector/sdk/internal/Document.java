package eu.danubia.connector.sdk.internal;

import java.io.IOException;
import java.io.InputStream;

/** A source document ready to be read: an open HTTP response body, or a file to open. */
interface Document {

    InputStream open() throws IOException;

    /** The size in bytes, or -1 when unknown. */
    long size();
}
