package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;
import java.util.List;

/**
 * One chunk of an announcement's delivery: one message into each listed conversation. Stores should write a
 * chunk set-based (one statement, not one insert per row).
 *
 * @param announcement    the announcement
 * @param conversationIds the target conversations, ascending
 * @param messageIds      the id to give the message in each conversation, index for index
 * @param at              the messages' creation time
 */
public record AnnouncementChunk(AnnouncementRecord announcement, List<ConversationId> conversationIds,
                                List<MessageId> messageIds, Instant at) {

    public AnnouncementChunk {
        conversationIds = List.copyOf(conversationIds);
        messageIds = List.copyOf(messageIds);
        if (conversationIds.size() != messageIds.size()) {
            throw new IllegalArgumentException("one message id per conversation");
        }
    }
}
