package io.clientportal.messaging.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a {@link SavedReply}: a time-ordered UUID (version 7) made by the library.
 *
 * @param value the UUID, never {@code null}
 */
public record SavedReplyId(UUID value) {

    public SavedReplyId {
        Objects.requireNonNull(value, "value must not be null");
    }

    /**
     * Parses an id from its string form.
     *
     * @throws IllegalArgumentException if {@code s} is not a UUID
     */
    public static SavedReplyId of(String s) {
        return new SavedReplyId(UUID.fromString(Objects.requireNonNull(s, "id must not be null")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
