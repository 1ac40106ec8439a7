package io.clientportal.messaging.internal;

import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.ConversationId;

/** The not-found answers, worded alike whether a thing is missing or hidden, so ids can't be probed. */
final class Errors {

    private Errors() {
    }

    static NotFoundException messageNotFound(Object id) {
        return new NotFoundException("message " + id + " not found");
    }

    static NotFoundException attachmentNotFound(Object id) {
        return new NotFoundException("attachment " + id + " not found");
    }

    static NotFoundException announcementNotFound(Object id) {
        return new NotFoundException("announcement " + id + " not found");
    }

    static NotFoundException savedReplyNotFound(Object id) {
        return new NotFoundException("saved reply " + id + " not found");
    }

    static NotFoundException unknownActor() {
        return new NotFoundException("actor not found");
    }

    static NotFoundException conversationNotFound(ConversationId id) {
        return new NotFoundException("conversation " + id + " not found");
    }
}
