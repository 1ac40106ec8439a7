package io.clientportal.messaging.event;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A reader's horizon moved forward. The team receives it in team seqs; a client receives it in the clients' view
 * ({@code clientSeq} as its seq), and a team member's read only when it is at a message clients see (a read up to
 * an internal note is not told to clients: in their view it would not have moved).
 *
 * @param clientSeq the horizon in the clients' view: for a client user's read, the clientSeq they read up to; for
 *                  a team member's, the clientSeq of the message their horizon is at, or 0 when that is a note
 */
public record ConversationRead(String eventId, String tenantId, ConversationId conversationId, Instant at, Actor reader,
                               long seq, long clientSeq)
        implements MessagingEvent {

    /** The event of a read in a conversation without notes, where the clients' position is the seq. */
    public ConversationRead(String eventId, String tenantId, ConversationId conversationId, Instant at, Actor reader,
                            long seq) {
        this(eventId, tenantId, conversationId, at, reader, seq, seq);
    }
}
