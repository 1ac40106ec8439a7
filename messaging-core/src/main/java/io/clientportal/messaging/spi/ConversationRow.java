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
 * @param lastClientSeq   the highest clientSeq taken (the number of messages that are not internal notes)
 * @param lastClientMessageAt the creation time of the newest message that is not an internal note, {@code null}
 *                        before the first
 */
public record ConversationRow(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                              Instant createdAt, Instant lastMessageAt, String assigneeId,
                              ConversationStatus teamStatus, Instant teamChangedAt, long lastClientSeq,
                              Instant lastClientMessageAt) {

    public ConversationRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(clientAccountId, "clientAccountId must not be null");
        Objects.requireNonNull(clientName, "clientName must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(teamStatus, "teamStatus must not be null");
    }

    /**
     * A conversation that is open, assigned to nobody and without internal notes (a new one, or one of a store
     * without team state or notes): the clients' view is the team's.
     */
    public ConversationRow(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                           Instant createdAt, Instant lastMessageAt) {
        this(id, clientAccountId, clientName, lastSeq, createdAt, lastMessageAt, null, ConversationStatus.OPEN,
                null, lastSeq, lastMessageAt);
    }

    /** This row with another team state. */
    public ConversationRow withTeamState(String assigneeId, ConversationStatus teamStatus, Instant teamChangedAt) {
        return new ConversationRow(id, clientAccountId, clientName, lastSeq, createdAt, lastMessageAt, assigneeId,
                teamStatus, teamChangedAt, lastClientSeq, lastClientMessageAt);
    }

    /** When the conversation last changed for an inbox: its newest message, else its creation. */
    public Instant activityAt() {
        return lastMessageAt != null ? lastMessageAt : createdAt;
    }
}
