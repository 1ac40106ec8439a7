package io.clientportal.messaging.model;

import java.time.Instant;

/**
 * The one conversation of a client account.
 *
 * @param id              the conversation's id
 * @param clientAccountId the client account it belongs to
 * @param clientName      the client account's name
 * @param lastSeq         the seq of the newest message, 0 before the first one (for a client, of the newest it sees:
 *                        never an internal note)
 * @param createdAt       when the conversation was created (with its account)
 * @param lastMessageAt   when the newest message was posted (for a client, the newest it sees); {@code null} before
 *                        the first message
 * @param team            the assignee and team status, for team members; always {@code null} for client users
 */
public record Conversation(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                           Instant createdAt, Instant lastMessageAt, TeamState team) {

    /** A conversation without its team state (as a client user sees it). */
    public Conversation(ConversationId id, String clientAccountId, String clientName, long lastSeq,
                        Instant createdAt, Instant lastMessageAt) {
        this(id, clientAccountId, clientName, lastSeq, createdAt, lastMessageAt, null);
    }
}
