package io.clientportal.messaging.model;

/**
 * One row of an inbox.
 *
 * @param conversation the conversation
 * @param lastMessage  its newest message, {@code null} if it has none
 * @param unreadCount  messages by others after the reader's horizon that are not deleted
 * @param access       the reader's effective access in the conversation
 * @param mentionCount the reader's unread mentions in it: mentions of them in messages after their horizon that
 *                     are not deleted (always 0 for a client user)
 */
public record ConversationSummary(Conversation conversation, Message lastMessage, long unreadCount, Access access,
                                  long mentionCount) {

    /** A summary without mentions, as before mentions existed. */
    public ConversationSummary(Conversation conversation, Message lastMessage, long unreadCount, Access access) {
        this(conversation, lastMessage, unreadCount, access, 0);
    }
}
