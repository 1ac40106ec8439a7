package io.clientportal.messaging.event;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A reader's horizon moved forward. The team receives it in team seqs, with the reader. A client receives it in the
 * clients' view ({@code clientSeq} as its seq), as read receipts tell it
 * ({@link io.clientportal.messaging.Messages#readReceipts}): a client user's read with the reader; a team member's
 * read only when the member may post a visible message there (never a watcher's or a read-only agent's) and it is
 * at a message clients see (a read up to an internal note is not told to clients: in their view it would not have
 * moved), and then as the team's: {@code reader} is {@code null} ({@link #byTeam()}; in JSON
 * {@code {"kind":"TEAM","id":null}}).
 *
 * @param reader    who read; {@code null} in a client's copy of a team member's read (the team as a whole)
 * @param clientSeq the horizon in the clients' view: for a client user's read, the clientSeq they read up to; for
 *                  a team member's, the clientSeq of the message their horizon is at, or 0 when that is a note or
 *                  when the member's reads are not told to clients
 */
public record ConversationRead(String eventId, String tenantId, ConversationId conversationId, Instant at, Actor reader,
                               long seq, long clientSeq)
        implements MessagingEvent {

    /** The event of a read in a conversation without notes, where the clients' position is the seq. */
    public ConversationRead(String eventId, String tenantId, ConversationId conversationId, Instant at, Actor reader,
                            long seq) {
        this(eventId, tenantId, conversationId, at, reader, seq, seq);
    }

    /** Whether this is a client's copy of a team member's read, which names the team, not the member. */
    public boolean byTeam() {
        return reader == null;
    }
}
