package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.TeamMember;

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
 */
public record SeqReservation(long seq, String clientAccountId, TeamMember teamMember, ClientUser clientUser,
                             Access participantAccess) {

    public SeqReservation {
        Objects.requireNonNull(clientAccountId, "clientAccountId must not be null");
    }
}
