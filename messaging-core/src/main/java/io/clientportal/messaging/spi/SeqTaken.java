package io.clientportal.messaging.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A seq taken in a conversation ({@link ConversationRows#takeSeq}).
 *
 * @param seq the new seq (the conversation's new {@code lastSeq})
 * @param at  the conversation's new {@code lastMessageAt}: the later of the time asked for and its previous value;
 *            never {@code null}
 */
public record SeqTaken(long seq, Instant at) {

    public SeqTaken {
        Objects.requireNonNull(at, "at must not be null");
    }
}
