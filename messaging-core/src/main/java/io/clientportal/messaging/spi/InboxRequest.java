package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * One inbox page to read. Order: activity ({@code lastMessageAt}, or {@code createdAt} before the first message)
 * descending, then conversation id descending.
 *
 * @param reader             whose unread counts to compute (messages by others after their horizon, not deleted)
 * @param scope              which conversations
 * @param afterActivity      keyset: only rows strictly after ({@code afterActivity}, {@code afterConversation})
 *                           in that order; both {@code null} for the first page
 * @param afterConversation  keyset tie-breaker
 * @param unreadOnly         only rows with an unread count above zero
 * @param limit              the most rows to return
 */
public record InboxRequest(Actor reader, ConversationScope scope, Instant afterActivity,
                           ConversationId afterConversation, boolean unreadOnly, int limit) {
}
