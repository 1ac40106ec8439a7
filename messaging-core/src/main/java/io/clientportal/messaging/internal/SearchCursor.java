package io.clientportal.messaging.internal;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The keyset position of a search page: the last hit's creation time and message id, opaque to callers. */
record SearchCursor(Instant createdAt, MessageId messageId) {

    static SearchCursor of(Message message) {
        return new SearchCursor(message.createdAt(), message.id());
    }

    String encode() {
        String plain = "s." + createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + messageId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor parse(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\.", 4);
            if (!"s".equals(parts[0])) {
                throw new IllegalArgumentException("not a search cursor");
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            return new SearchCursor(createdAt, new MessageId(UUID.fromString(parts[3])));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "cursor is not one this API returned");
        }
    }
}
