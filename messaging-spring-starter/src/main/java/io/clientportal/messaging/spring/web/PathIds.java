package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.SavedReplyId;

import java.util.function.Function;

/** Parses ids in paths. A malformed id names nothing, so it is answered like an unknown one: 404. */
final class PathIds {

    private PathIds() {
    }

    static ConversationId conversation(String value) {
        return parse(value, ConversationId::of, "conversation");
    }

    static MessageId message(String value) {
        return parse(value, MessageId::of, "message");
    }

    static AttachmentId attachment(String value) {
        return parse(value, AttachmentId::of, "attachment");
    }

    static AnnouncementId announcement(String value) {
        return parse(value, AnnouncementId::of, "announcement");
    }

    static SavedReplyId savedReply(String value) {
        return parse(value, SavedReplyId::of, "saved reply");
    }

    private static <T> T parse(String value, Function<String, T> parser, String what) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what + " not found");
        }
    }
}
