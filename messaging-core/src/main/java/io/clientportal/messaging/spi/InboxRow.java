package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.Message;

/**
 * One row of an inbox page as the store reads it.
 *
 * @param conversation      the conversation
 * @param lastMessage       the newest message, or {@code null}
 * @param unreadCount       the reader's unread count
 * @param participantAccess the reader's stored participant access, or {@code null} if not a participant
 */
public record InboxRow(Conversation conversation, Message lastMessage, long unreadCount, Access participantAccess) {
}
