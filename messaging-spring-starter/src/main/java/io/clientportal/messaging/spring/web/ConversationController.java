package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox, single conversations and read state. */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class ConversationController {

    private static final int DEFAULT_INBOX_PAGE = 20;


    @GetMapping("/conversations")
    Page<ConversationSummary> inbox(Messaging messaging, Actor actor, @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Boolean unread,
                                    @RequestParam(required = false) String mentions) {
        InboxQuery query = InboxQuery.first(limit == null ? DEFAULT_INBOX_PAGE : limit);
        if (Boolean.TRUE.equals(unread)) {
            query = query.unreadOnly();
        }
        if (mentions != null) {
            // The one filter value there is: conversations where the caller has unread mentions.
            if (!mentions.equals("me")) {
                throw new InvalidInputException("mentions", "mentions must be \"me\"");
            }
            query = query.mentioningMe();
        }
        if (cursor != null && !cursor.isEmpty()) {
            query = query.after(cursor);
        }
        return messaging.conversations().inbox(actor, query);
    }

    @GetMapping("/conversations/{id}")
    Conversation conversation(Messaging messaging, Actor actor, @PathVariable String id) {
        return messaging.conversations().get(actor, PathIds.conversation(id));
    }

    @GetMapping("/clients/{clientAccountId}/conversation")
    Conversation conversationOfClient(Messaging messaging, Actor actor, @PathVariable String clientAccountId) {
        return messaging.conversations().conversationOf(actor, clientAccountId);
    }

    @PostMapping("/conversations/{id}/read")
    ResponseEntity<Void> markRead(Messaging messaging, Actor actor,
                                  @PathVariable String id, @RequestBody Requests.MarkRead body) {
        if (body.seq() == null) {
            throw new InvalidInputException("seq", "seq is required");
        }
        messaging.messages().markRead(actor, PathIds.conversation(id), body.seq());
        return ResponseEntity.noContent().build();
    }
}
