package io.clientportal.messaging;

import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.SearchHit;
import io.clientportal.messaging.model.SearchQuery;

/** Full-text search over the messages an actor may see. */
public interface Search {

    /**
     * The messages matching the query that the actor may see now, newest first (by creation time, then id), a
     * page at a time: every conversation they may view (owners, admins and managers: the tenant's; agents and
     * watchers: those they take part in now; a client user: their account's), never a deleted message. With
     * {@link SearchQuery#conversation()} only that conversation's.
     *
     * @throws NotFoundException       if the actor is unknown, or the query's conversation does not exist or the
     *                                 actor may not see it
     * @throws InvalidInputException   for a text that is blank, longer than {@value SearchQuery#MAX_TEXT_LENGTH}
     *                                 characters, without a single letter or digit, or holding {@code <}, {@code >},
     *                                 {@code \} or control characters (field {@code text}); a bad limit; a cursor
     *                                 this API did not return
     * @throws MessagingStoreException when the store fails
     */
    Page<SearchHit> messages(Actor actor, SearchQuery query);
}
