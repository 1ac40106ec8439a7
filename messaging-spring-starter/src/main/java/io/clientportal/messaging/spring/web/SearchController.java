package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.SearchHit;
import io.clientportal.messaging.model.SearchQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the messages the caller may see. */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class SearchController {

    private static final int DEFAULT_PAGE = 20;

    /**
     * A page of hits. The query text is the {@code q} parameter, so its refusals name {@code q}; a conversation
     * id that names nothing (malformed included) is answered like one the caller may not see: 404.
     */
    @GetMapping("/search")
    Page<SearchHit> search(Messaging messaging, Actor actor, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String conversationId,
                           @RequestParam(required = false) Integer limit,
                           @RequestParam(required = false) String cursor) {
        SearchQuery query = SearchQuery.of(q == null ? "" : q, limit == null ? DEFAULT_PAGE : limit);
        if (conversationId != null && !conversationId.isEmpty()) {
            query = query.in(PathIds.conversation(conversationId));
        }
        if (cursor != null && !cursor.isEmpty()) {
            query = query.after(cursor);
        }
        try {
            return messaging.search().messages(actor, query);
        } catch (InvalidInputException e) {
            if ("text".equals(e.field())) {
                throw new InvalidInputException("q", e.getMessage().replaceFirst("^text", "q"));
            }
            throw e;
        }
    }
}
