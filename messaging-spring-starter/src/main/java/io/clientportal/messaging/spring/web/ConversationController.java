package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.TeamState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox, single conversations, their assignment and team status, and read state. */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class ConversationController {

    private static final int DEFAULT_INBOX_PAGE = 20;

    /** The {@code assignee} filter's name for the caller. */
    private static final String ME = "me";


    @GetMapping("/conversations")
    Page<ConversationSummary> inbox(Messaging messaging, Actor actor, @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Boolean unread,
                                    @RequestParam(required = false) String assignee,
                                    @RequestParam(required = false) Boolean unassigned,
                                    @RequestParam(required = false) ConversationStatus status,
                                    @RequestParam(required = false) String mentions) {
        InboxQuery query = InboxQuery.first(limit == null ? DEFAULT_INBOX_PAGE : limit);
        if (Boolean.TRUE.equals(unread)) {
            query = query.unreadOnly();
        }
        if (assignee != null && Boolean.TRUE.equals(unassigned)) {
            throw new InvalidInputException("unassigned", "give either assignee or unassigned, not both");
        }
        if (assignee != null) {
            // "me": the caller, so a page can ask for "mine" without knowing the caller's host id.
            query = query.assignedTo(ME.equals(assignee) ? actor.id() : assignee);
        }
        if (Boolean.TRUE.equals(unassigned)) {
            query = query.unassigned();
        }
        if (status != null) {
            query = query.status(status);
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

    /** Assigns the conversation to a team member, or to nobody ({@code teamMemberId} null or absent). */
    @PutMapping("/conversations/{id}/assignee")
    TeamState assign(Messaging messaging, Actor actor, @PathVariable String id,
                     @RequestBody Requests.Assignee body) {
        return messaging.conversations().assign(actor, PathIds.conversation(id), body.teamMemberId());
    }

    /** Sets the conversation's team status. */
    @PutMapping("/conversations/{id}/status")
    TeamState setStatus(Messaging messaging, Actor actor, @PathVariable String id,
                        @RequestBody Requests.TeamStatus body) {
        if (body.status() == null) {
            throw new InvalidInputException("status", "status is required");
        }
        return messaging.conversations().setStatus(actor, PathIds.conversation(id), body.status());
    }

    /** Who has read how far, as the caller may be told it (the core's rule: {@code Messages#readReceipts}). */
    @GetMapping("/conversations/{id}/reads")
    Requests.ReadReceipts reads(Messaging messaging, Actor actor, @PathVariable String id) {
        return new Requests.ReadReceipts(messaging.messages().readReceipts(actor, PathIds.conversation(id)));
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
