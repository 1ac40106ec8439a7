package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

/**
 * Which conversations a reader sees: all of the tenant's, those a team member was added to, or exactly one.
 *
 * @param participantId the team member whose participations count, or {@code null}
 * @param conversationId the one conversation, or {@code null}
 */
public record ConversationScope(String participantId, ConversationId conversationId) {

    /** Every conversation of the tenant (owners, admins, managers). */
    public static ConversationScope all() {
        return new ConversationScope(null, null);
    }

    /** The conversations a team member was added to (agents, watchers). */
    public static ConversationScope participantOf(String teamMemberId) {
        return new ConversationScope(teamMemberId, null);
    }

    /** Exactly one conversation (a client user's). */
    public static ConversationScope only(ConversationId conversationId) {
        return new ConversationScope(null, conversationId);
    }

    /** Whether this scope is every conversation. */
    public boolean isAll() {
        return participantId == null && conversationId == null;
    }
}
