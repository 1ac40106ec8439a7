package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.SavedReplyId;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved reply as a store keeps it.
 *
 * @param id        never {@code null}
 * @param title     never {@code null}
 * @param shortcut  unique in the tenant (the store's key {@link DuplicateKeyException.Key#SAVED_REPLY_SHORTCUT}),
 *                  never {@code null}
 * @param text      the template, never {@code null}
 * @param createdBy the id of the team member who created it, never {@code null}
 * @param createdAt never {@code null}
 * @param updatedAt never {@code null}
 * @param version   1 when created, one more with every update
 */
public record SavedReplyRow(SavedReplyId id, String title, String shortcut, String text, String createdBy,
                            Instant createdAt, Instant updatedAt, long version) {

    public SavedReplyRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(shortcut, "shortcut must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(createdBy, "createdBy must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(updatedAt, "updatedAt must not be null");
    }
}
