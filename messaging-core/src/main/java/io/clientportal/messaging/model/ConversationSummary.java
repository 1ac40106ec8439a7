package io.clientportal.messaging.model;

/**
 * One row of an inbox.
 *
 * @param conversation the conversation
 * @param lastMessage  its newest message, {@code null} if it has none
 * @param unreadCount  messages by others after the reader's horizon that are not deleted
 * @param access       the reader's effective access in the conversation
 */
public record ConversationSummary(Conversation conversation, Message lastMessage, long unreadCount, Access access) {
}
