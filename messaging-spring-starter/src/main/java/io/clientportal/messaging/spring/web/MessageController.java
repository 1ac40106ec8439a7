package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.PostResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** History, posting, editing and deleting messages. */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}/conversations/{id}/messages")
final class MessageController {

    private static final int DEFAULT_HISTORY_PAGE = 50;

    private final MessagingRateLimits rateLimits;
    private final List<MessagingApiListener> listeners;

    MessageController(MessagingRateLimits rateLimits, List<MessagingApiListener> listeners) {
        this.rateLimits = rateLimits;
        this.listeners = List.copyOf(listeners);
    }

    @GetMapping
    Page<Message> history(Messaging messaging, Actor actor,
                          @PathVariable String id, @RequestParam(required = false) Long before,
                          @RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_HISTORY_PAGE : limit;
        if (before != null && after != null) {
            throw new InvalidInputException("before", "give either before or after, not both");
        }
        HistoryQuery query = before != null ? HistoryQuery.before(before, size)
                : after != null ? HistoryQuery.after(after, size)
                : HistoryQuery.latest(size);
        return messaging.messages().history(actor, PathIds.conversation(id), query);
    }

    /**
     * Posts a message: 201, or 200 with the message already posted when the same key is sent again (of concurrent
     * requests with one key, exactly one is 201); 409 when the key was used for another text or attachments.
     */
    @PostMapping
    ResponseEntity<Message> post(Messaging messaging, Actor actor,
                                 @PathVariable String id, @RequestBody Requests.PostMessage body,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ConversationId conversationId = PathIds.conversation(id);
        String clientMessageId = body.clientMessageId();
        if (clientMessageId == null) {
            clientMessageId = idempotencyKey;
        } else if (idempotencyKey != null && !idempotencyKey.equals(clientMessageId)) {
            throw new InvalidInputException("clientMessageId",
                    "clientMessageId and the Idempotency-Key header differ; send one of them");
        }
        rateLimits.post(messaging, actor);
        PostResult result = messaging.messages().postIdempotent(actor, conversationId,
                new NewMessage(body.text(), body.attachmentIds(), clientMessageId, body.mentions(),
                        Boolean.TRUE.equals(body.addMentioned()), Boolean.TRUE.equals(body.internal())));
        if (result.created()) {
            listeners.forEach(listener -> listener.messagePosted(result.message()));
        }
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.message());
    }

    @PatchMapping("/{messageId}")
    Message edit(Messaging messaging, Actor actor, @PathVariable String id, @PathVariable String messageId,
                 @RequestBody Requests.EditMessage body) {
        MessageId message = messageIn(messaging, actor, id, messageId);
        return messaging.messages().edit(actor, message, body.text());
    }

    @DeleteMapping("/{messageId}")
    ResponseEntity<Void> delete(Messaging messaging, Actor actor,
                                @PathVariable String id, @PathVariable String messageId) {
        messaging.messages().delete(actor, messageIn(messaging, actor, id, messageId));
        return ResponseEntity.noContent().build();
    }

    /** The message of the path; a message of another conversation answers as a missing one. */
    private MessageId messageIn(Messaging messaging, Actor actor, String conversationId, String messageId) {
        ConversationId conversation = PathIds.conversation(conversationId);
        MessageId message = PathIds.message(messageId);
        if (!messaging.messages().get(actor, message).conversationId().equals(conversation)) {
            throw new NotFoundException("message not found");
        }
        return message;
    }
}
