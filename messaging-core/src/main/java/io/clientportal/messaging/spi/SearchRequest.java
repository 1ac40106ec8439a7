package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of a full-text search: the messages of a scope that match every term, newest first
 * ({@link MessageRow#createdAt} descending, then id descending), deleted messages never among them. A message
 * matches a term when one of its {@link SearchWords#of words} starts with the term (a whole word is its own
 * start); the core has made the terms with {@link SearchWords#terms}, so they are words themselves.
 *
 * @param scope           which conversations, never {@code null}
 * @param terms           the words to match, all of them; never {@code null}, never empty, no {@code null}s
 * @param includeInternal whether internal notes (the team's) may match: the core decides, from who asks; a store
 *                        without notes has none to leave out
 * @param beforeCreatedAt keyset cursor: only messages after ({@code beforeCreatedAt}, {@code beforeMessage}) in
 *                        the order above; {@code null} for the first page
 * @param beforeMessage   the cursor's message; {@code null} exactly when {@code beforeCreatedAt} is
 * @param limit           the most rows, positive
 */
public record SearchRequest(ConversationScope scope, List<String> terms, boolean includeInternal,
                            Instant beforeCreatedAt, MessageId beforeMessage, int limit) {

    public SearchRequest {
        Objects.requireNonNull(scope, "scope must not be null");
        terms = List.copyOf(Objects.requireNonNull(terms, "terms must not be null"));
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms must not be empty");
        }
        if ((beforeCreatedAt == null) != (beforeMessage == null)) {
            throw new IllegalArgumentException("beforeCreatedAt and beforeMessage go together");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
