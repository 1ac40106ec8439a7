package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.util.List;

/**
 * Read horizons (the highest seq a reader has read in a conversation, 0 when none is stored) and the counts and
 * inbox pages that join them with messages, in one unit of work.
 */
public interface ReadStateRows {

    /**
     * Moves a reader's horizon to {@code seq} if that is higher than the stored one (atomically: of two concurrent
     * calls the higher wins).
     *
     * @return whether it moved
     */
    boolean advanceHorizon(ConversationId id, Actor reader, long seq);

    /**
     * Counts, over the conversations of {@code scope}, the messages after {@code reader}'s horizon in each that pass
     * {@code filter}.
     */
    long count(Actor reader, ConversationScope scope, MessageFilter filter);

    /** One inbox page, as the request says, in one round trip where the store can; never {@code null}. */
    List<InboxRow> inbox(InboxRequest request);
}
