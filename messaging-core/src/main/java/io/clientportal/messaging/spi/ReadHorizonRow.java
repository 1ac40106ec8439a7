package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;

import java.util.Objects;

/**
 * A reader's stored horizon in one conversation, with the message it is at in both views
 * ({@link ReadStateRows#horizons}).
 *
 * @param reader    never {@code null}
 * @param teamSeq   the seq of the message at the horizon: a team member's horizon itself; for a client user's (a
 *                  client seq), the seq of the message that is not internal with that clientSeq
 * @param clientSeq the clientSeq of that message: a client user's horizon itself; for a team member's, the
 *                  {@link MessageRow#clientSeq()} of the message at their horizon (a note's is that of the message
 *                  before it)
 */
public record ReadHorizonRow(Actor reader, long teamSeq, long clientSeq) {

    public ReadHorizonRow {
        Objects.requireNonNull(reader, "reader must not be null");
    }
}
