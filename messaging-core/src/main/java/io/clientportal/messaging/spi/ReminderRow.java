package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation's pending follow-up reminder as a store keeps it: at most one row per (tenant, conversation), for
 * the team's last visible message while the client has not answered it.
 *
 * @param conversationId never {@code null}
 * @param messageId      the unanswered team message, never {@code null}
 * @param authorId       the team member who wrote it (the reminder's note is theirs), never {@code null}
 * @param dueAt          when the reminder is due, never {@code null}
 * @param leaseOwner     the node that claimed it, or {@code null}
 * @param leaseUntil     until when that claim keeps other nodes off, or {@code null} (exactly when leaseOwner is)
 */
public record ReminderRow(ConversationId conversationId, MessageId messageId, String authorId, Instant dueAt,
                          String leaseOwner, Instant leaseUntil) {

    public ReminderRow {
        Objects.requireNonNull(conversationId, "conversationId must not be null");
        Objects.requireNonNull(messageId, "messageId must not be null");
        Objects.requireNonNull(authorId, "authorId must not be null");
        Objects.requireNonNull(dueAt, "dueAt must not be null");
        if ((leaseOwner == null) != (leaseUntil == null)) {
            throw new IllegalArgumentException("leaseOwner and leaseUntil go together");
        }
    }

    /** Whether {@code owner} holds the claim on this row. */
    public boolean leasedBy(String owner) {
        return owner.equals(leaseOwner);
    }
}
