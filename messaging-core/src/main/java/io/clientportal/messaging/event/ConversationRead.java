package io.clientportal.messaging.event;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A reader's horizon moved forward. The team receives it in team seqs; a client receives only a client user's
 * read, in the clients' view ({@code clientSeq}), never a team member's (whose horizon may be a note).
 *
 * @param clientSeq the horizon in the clients' view: for a client user's read, the clientSeq they read up to; for
 *                  a team member's, 0 (their read is never sent to a client)
 */
public record ConversationRead(String eventId, String tenantId, ConversationId conversationId, Instant at, Actor reader, long seq,
                               long clientSeq)
        implements MessagingEvent {

    /** The event of a read in a conversation without notes, where the clients' position is the seq. */
    public ConversationRead(String eventId, String tenantId, ConversationId conversationId, Instant at, Actor reader,
                            long seq) {
        this(eventId, tenantId, conversationId, at, reader, seq, seq);
    }
}
