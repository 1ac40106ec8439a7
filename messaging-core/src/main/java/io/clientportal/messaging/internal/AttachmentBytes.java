package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.AttachmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collection;

/** Deletes attachment bytes after the records that pointed at them are gone; failures are logged, not thrown. */
final class AttachmentBytes {

    private static final Logger log = LoggerFactory.getLogger(AttachmentBytes.class);

    private final AttachmentStore store;

    AttachmentBytes(AttachmentStore store) {
        this.store = store;
    }

    AttachmentStore store() {
        return store;
    }

    void deleteQuietly(Collection<AttachmentRow> records) {
        for (AttachmentRow record : records) {
            deleteQuietly(record.storageKey());
        }
    }

    void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete attachment bytes {}", key, e);
        }
    }
}
