package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation as a store keeps it.
 *
 * @param id              never {@code null}
 * @param clientAccountId the client account it belongs to (one conversation per account), never {@code null}
 * @param clientName      the account's name as the core last wrote it here, never {@code null}
 * @param lastSeq         the highest seq taken, 0 before the first message
 * @param createdAt       never {@code null}
 * @param lastMessageAt   the creation time of the newest message, {@code null} before the first
 * @param lastClientSeq   the highest clientSeq taken (the number of messages that are not internal notes)
 * @param lastClientMessageAt the creation time of the newest message that is not an internal note, {@code null}
 *                        before the first
 */
public record ConversationRow(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                              Instant createdAt, Instant lastMessageAt, long lastClientSeq,
                              Instant lastClientMessageAt) {

    /** A conversation without internal notes: the clients' view is the team's (the record as it was before). */
    public ConversationRow(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                           Instant createdAt, Instant lastMessageAt) {
        this(id, clientAccountId, clientName, lastSeq, createdAt, lastMessageAt, lastSeq, lastMessageAt);
    }

    public ConversationRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(clientAccountId, "clientAccountId must not be null");
        Objects.requireNonNull(clientName, "clientName must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    /** When the conversation last changed for an inbox: its newest message, else its creation. */
    public Instant activityAt() {
        return lastMessageAt != null ? lastMessageAt : createdAt;
    }
}
