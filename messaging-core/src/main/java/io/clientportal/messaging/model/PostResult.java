package io.clientportal.messaging.model;

import java.util.Objects;

/**
 * What posting answered ({@link io.clientportal.messaging.Messages#postIdempotent}): the message, and whether this
 * call created it or answered a retry with the message an earlier call with the same
 * {@link NewMessage#clientMessageId()} created.
 *
 * @param message the message, never {@code null}
 * @param created whether this call stored it; of any number of calls with one key, exactly one
 */
public record PostResult(Message message, boolean created) {

    public PostResult {
        Objects.requireNonNull(message, "message must not be null");
    }

    /** Whether this call answered a retry (the message was stored by an earlier call with the same key). */
    public boolean replayed() {
        return !created;
    }
}
