package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One chunk of an announcement's delivery: a copy of one message, built by the core, into each listed
 * conversation. Stores should write a chunk set-based (one statement, not one insert per row).
 *
 * @param message         the message to copy, never {@code null}: its {@code announcementId} is set and names the
 *                        announcement; its id, conversation, seq and creation time are placeholders that each copy
 *                        replaces (see {@link AnnouncementRows#deliver})
 * @param conversationIds the target conversations, ascending, never {@code null}
 * @param messageIds      the id to give the copy in each conversation, index for index, never {@code null}
 * @param at              the time to take each seq at, never {@code null}
 */
public record AnnouncementChunk(MessageRow message, List<ConversationId> conversationIds,
                                List<MessageId> messageIds, Instant at) {

    public AnnouncementChunk {
        Objects.requireNonNull(message, "message must not be null");
        Objects.requireNonNull(message.announcementId(), "message.announcementId must not be null");
        Objects.requireNonNull(at, "at must not be null");
        conversationIds = List.copyOf(conversationIds);
        messageIds = List.copyOf(messageIds);
        if (conversationIds.size() != messageIds.size()) {
            throw new IllegalArgumentException("one message id per conversation");
        }
    }
}
