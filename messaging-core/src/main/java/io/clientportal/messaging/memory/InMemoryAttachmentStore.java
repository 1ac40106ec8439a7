package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.AttachmentStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.FileNotFoundException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps attachment bytes in memory: for tests and demos. */
public final class InMemoryAttachmentStore implements AttachmentStore {

    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    @Override
    public void write(String key, InputStream content) throws IOException {
        // Read everything first: if reading fails (for example the size cap), nothing is stored.
        byte[] bytes = content.readAllBytes();
        contents.put(key, bytes);
    }

    @Override
    public InputStream read(String key) throws IOException {
        byte[] bytes = contents.get(key);
        if (bytes == null) {
            throw new FileNotFoundException(key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void delete(String key) {
        contents.remove(key);
    }

    /** How many attachments are stored (for tests). */
    public int size() {
        return contents.size();
    }
}
