package io.clientportal.messaging.event;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;

/**
 * A team member was mentioned in a message. The event feed delivers it only to that member (while they may see the
 * conversation); notifiers and webhooks get every one. The message itself comes with its
 * {@link MessagePosted} event, whose message lists its mentions.
 *
 * @param teamMemberId the mentioned team member
 * @param messageId    the message that mentions them
 * @param seq          the message's seq in the conversation
 */
public record MentionReceived(String eventId, String tenantId, ConversationId conversationId, Instant at,
                              String teamMemberId, MessageId messageId, long seq) implements MessagingEvent {
}
