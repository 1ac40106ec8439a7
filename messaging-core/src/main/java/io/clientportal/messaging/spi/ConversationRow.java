package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;

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
 * @param assigneeId      the team member it is assigned to, {@code null} when unassigned
 * @param teamStatus      the team status, never {@code null} ({@link ConversationStatus#OPEN} when new)
 * @param teamChangedAt   when the assignee or team status last changed, {@code null} if never
 */
public record ConversationRow(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                              Instant createdAt, Instant lastMessageAt, String assigneeId,
                              ConversationStatus teamStatus, Instant teamChangedAt) {

    public ConversationRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(clientAccountId, "clientAccountId must not be null");
        Objects.requireNonNull(clientName, "clientName must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(teamStatus, "teamStatus must not be null");
    }

    /** A conversation that is open and assigned to nobody (a new one, or one of a store without team state). */
    public ConversationRow(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                           Instant createdAt, Instant lastMessageAt) {
        this(id, clientAccountId, clientName, lastSeq, createdAt, lastMessageAt, null, ConversationStatus.OPEN,
                null);
    }

    /** This row with another team state. */
    public ConversationRow withTeamState(String assigneeId, ConversationStatus teamStatus, Instant teamChangedAt) {
        return new ConversationRow(id, clientAccountId, clientName, lastSeq, createdAt, lastMessageAt, assigneeId,
                teamStatus, teamChangedAt);
    }

    /** When the conversation last changed for an inbox: its newest message, else its creation. */
    public Instant activityAt() {
        return lastMessageAt != null ? lastMessageAt : createdAt;
    }
}
