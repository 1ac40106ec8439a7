package io.clientportal.messaging.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A seq taken in a conversation ({@link ConversationRows#takeSeq}).
 *
 * @param seq the new seq (the conversation's new {@code lastSeq})
 * @param at  the conversation's new {@code lastMessageAt}: the later of the time asked for and its previous value;
 *            never {@code null}
 * @param clientSeq the message's clientSeq ({@link MessageRow#clientSeq}): the conversation's new
 *                  {@code lastClientSeq} for a message that is not internal, its unchanged one for a note
 */
public record SeqTaken(long seq, Instant at, long clientSeq) {

    public SeqTaken {
        Objects.requireNonNull(at, "at must not be null");
    }

    /** A seq taken in a store without internal notes, where the clients' position is the seq. */
    public SeqTaken(long seq, Instant at) {
        this(seq, at, seq);
    }
}
