package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.TeamMember;

import java.time.Instant;
import java.util.Objects;

/**
 * A seq taken for a new message together with what authorising its author needs, read in the same round trip
 * ({@link StoreTransaction#nextSeqFor}).
 *
 * @param seq               the new seq
 * @param clientAccountId   the client account the conversation belongs to
 * @param teamMember        the author's directory entry when the author is a team member the directory knows,
 *                          else {@code null}
 * @param clientUser        the author's directory entry when the author is a client user the directory knows,
 *                          else {@code null}
 * @param participantAccess a team member author's access in the conversation, {@code null} when not a participant
 * @param at                the conversation's {@code lastMessageAt} as the seq set it, under the lock (the later
 *                          of the time asked for and the previous message's): the new message's creation time;
 *                          {@code null} from a store that does not tell, and the core then uses the time it asked
 *                          for
 */
public record SeqReservation(long seq, String clientAccountId, TeamMember teamMember, ClientUser clientUser,
                             Access participantAccess, Instant at) {

    public SeqReservation {
        Objects.requireNonNull(clientAccountId, "clientAccountId must not be null");
    }

    /** A reservation that does not tell the time the seq settled on ({@code at} is {@code null}). */
    public SeqReservation(long seq, String clientAccountId, TeamMember teamMember, ClientUser clientUser,
                          Access participantAccess) {
        this(seq, clientAccountId, teamMember, clientUser, participantAccess, null);
    }
}
