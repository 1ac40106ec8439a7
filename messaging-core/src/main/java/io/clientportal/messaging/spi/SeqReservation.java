package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * A seq taken for a new message together with what authorising its author needs, read in the same round trip
 * ({@link StoreTransaction#takeSeqFor}).
 *
 * @param seq               the new seq
 * @param clientAccountId   the client account the conversation belongs to, never {@code null}
 * @param teamMember        the author's directory entry when the author is a team member the directory knows,
 *                          else {@code null}
 * @param clientUser        the author's directory entry when the author is a client user the directory knows,
 *                          else {@code null}
 * @param participantAccess a team member author's stored access in the conversation, {@code null} when not a
 *                          participant
 * @param at                the conversation's {@code lastMessageAt} as taking the seq set it, under the lock (the
 *                          later of the time asked for and the previous message's): the new message's creation
 *                          time; never {@code null}
 * @param clientSeq         the new message's clientSeq ({@link SeqTaken#clientSeq})
 * @param teamStatus        the conversation's team status as the lock found it, or {@code null} when the store did
 *                          not read it (the core then asks {@link ConversationRows#reopen} whether it was open)
 */
public record SeqReservation(long seq, String clientAccountId, TeamMemberRow teamMember, ClientUserRow clientUser,
                             Access participantAccess, Instant at, long clientSeq, ConversationStatus teamStatus) {

    public SeqReservation {
        Objects.requireNonNull(clientAccountId, "clientAccountId must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    /** A reservation without the conversation's team status. */
    public SeqReservation(long seq, String clientAccountId, TeamMemberRow teamMember, ClientUserRow clientUser,
                          Access participantAccess, Instant at, long clientSeq) {
        this(seq, clientAccountId, teamMember, clientUser, participantAccess, at, clientSeq, null);
    }

    /** A reservation in a store without internal notes, where the clients' position is the seq. */
    public SeqReservation(long seq, String clientAccountId, TeamMemberRow teamMember, ClientUserRow clientUser,
                          Access participantAccess, Instant at) {
        this(seq, clientAccountId, teamMember, clientUser, participantAccess, at, seq);
    }
}
