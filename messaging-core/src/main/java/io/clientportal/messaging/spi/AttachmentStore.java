package io.clientportal.messaging.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where attachment bytes live. Keys are made by the core from ids (letters, digits, {@code -} and {@code /});
 * user-supplied file names never reach a store.
 */
public interface AttachmentStore {

    /**
     * Stores the bytes read from {@code content} under {@code key}. When reading {@code content} throws, nothing
     * may remain under {@code key}.
     */
    void write(String key, InputStream content) throws IOException;

    /** Opens the bytes stored under {@code key}; the caller closes the stream. */
    InputStream read(String key) throws IOException;

    /** Deletes the bytes under {@code key}; a missing key is not an error. */
    void delete(String key) throws IOException;
}
