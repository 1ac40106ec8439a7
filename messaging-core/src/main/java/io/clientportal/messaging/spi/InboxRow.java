package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;

import java.util.Objects;

/**
 * One row of an inbox page as the store reads it ({@link ReadStateRows#inbox}).
 *
 * @param conversation      never {@code null}
 * @param lastMessage       the newest message (with its attachments), or {@code null} when there is none; for a
 *                          request whose filter {@linkplain MessageFilter#excludeInternal() excludes internal notes}
 *                          the newest that is not a note
 * @param count             the reader's count, as the request's filter says
 * @param participantAccess the reader's stored participant access, or {@code null} if not a participant (always for
 *                          a client user)
 */
public record InboxRow(ConversationRow conversation, MessageRow lastMessage, long count, Access participantAccess) {

    public InboxRow {
        Objects.requireNonNull(conversation, "conversation must not be null");
    }
}
