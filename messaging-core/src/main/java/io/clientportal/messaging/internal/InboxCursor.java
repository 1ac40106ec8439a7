package io.clientportal.messaging.internal;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The keyset position of an inbox page: the last row's activity time and conversation id, opaque to callers. */
record InboxCursor(Instant activity, ConversationId conversationId) {

    static InboxCursor of(Conversation conversation) {
        Instant activity = conversation.lastMessageAt() != null ? conversation.lastMessageAt()
                : conversation.createdAt();
        return new InboxCursor(activity, conversation.id());
    }

    String encode() {
        String plain = activity.getEpochSecond() + "." + activity.getNano() + "." + conversationId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static InboxCursor parse(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\.", 3);
            Instant activity = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new InboxCursor(activity, new ConversationId(UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "cursor is not one this API returned");
        }
    }
}
