package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * One inbox page to read: the conversations of a scope, newest activity first ({@link ConversationRow#activityAt}
 * descending, then id descending), each with its newest message, the reader's count of messages after their
 * horizon that pass {@code counted}, and the reader's stored participant access.
 *
 * @param reader            whose horizon and access, never {@code null}
 * @param scope             which conversations, never {@code null}
 * @param afterActivity     keyset cursor: only conversations before ({@code afterActivity},
 *                          {@code afterConversation}) in the order above; {@code null} for the first page
 * @param afterConversation the cursor's conversation; {@code null} exactly when {@code afterActivity} is
 * @param counted           what the count counts, never {@code null}
 * @param onlyCounted       whether only conversations whose count is above 0 are listed
 * @param limit             the most rows, positive
 * @param assigneeId        only conversations assigned to this team member ({@link ConversationRow#assigneeId}),
 *                          {@code null}: whoever
 * @param onlyUnassigned    only conversations assigned to nobody; never together with {@code assigneeId}
 * @param status            only conversations with this team status, {@code null}: any
 */
public record InboxRequest(Actor reader, ConversationScope scope, Instant afterActivity,
                           ConversationId afterConversation, MessageFilter counted, boolean onlyCounted, int limit,
                           String assigneeId, boolean onlyUnassigned, ConversationStatus status) {

    public InboxRequest {
        Objects.requireNonNull(reader, "reader must not be null");
        Objects.requireNonNull(scope, "scope must not be null");
        Objects.requireNonNull(counted, "counted must not be null");
        if ((afterActivity == null) != (afterConversation == null)) {
            throw new IllegalArgumentException("afterActivity and afterConversation go together");
        }
        if (assigneeId != null && onlyUnassigned) {
            throw new IllegalArgumentException("assigneeId and onlyUnassigned exclude each other");
        }
    }

    /** A request without team filters. */
    public InboxRequest(Actor reader, ConversationScope scope, Instant afterActivity,
                        ConversationId afterConversation, MessageFilter counted, boolean onlyCounted, int limit) {
        this(reader, scope, afterActivity, afterConversation, counted, onlyCounted, limit, null, false, null);
    }
}
