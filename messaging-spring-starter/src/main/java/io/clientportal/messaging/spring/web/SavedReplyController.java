package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.NewSavedReply;
import io.clientportal.messaging.model.SavedReply;
import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.model.SavedReplyQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * The team's saved replies: listed and rendered by every team member, managed by owners, admins and managers (by
 * default); a client is answered 404 on every path, as if there were none.
 */
@RestController
final class SavedReplyController {

    private static final String BASE = "${messaging.web.base-path:/api/messaging}";

    @GetMapping(BASE + "/saved-replies")
    List<SavedReply> list(Messaging messaging, Actor actor, @RequestParam(required = false) String order,
                          @RequestParam(required = false) String prefix) {
        SavedReplyQuery query = order == null ? SavedReplyQuery.byTitle() : switch (order.toLowerCase(Locale.ROOT)) {
            case "title" -> SavedReplyQuery.byTitle();
            case "shortcut" -> SavedReplyQuery.byShortcut();
            default -> null;
        };
        if (query == null) {
            // Who may not know saved replies exist learns nothing from a bad parameter: 404 comes first.
            messaging.savedReplies().list(actor, SavedReplyQuery.byTitle());
            throw new InvalidInputException("order", "order must be title or shortcut");
        }
        return messaging.savedReplies().list(actor, query.matching(prefix));
    }

    @PostMapping(BASE + "/saved-replies")
    ResponseEntity<SavedReply> create(Messaging messaging, Actor actor, @RequestBody Requests.NewReply body) {
        SavedReply created = messaging.savedReplies().create(actor,
                new NewSavedReply(body.title(), body.shortcut(), body.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping(BASE + "/saved-replies/{id}")
    SavedReply get(Messaging messaging, Actor actor, @PathVariable String id) {
        return messaging.savedReplies().get(actor, PathIds.savedReply(id));
    }

    /** Replaces the reply if it is still at {@code version} (the one the caller read); 409 otherwise. */
    @PutMapping(BASE + "/saved-replies/{id}")
    SavedReply update(Messaging messaging, Actor actor, @PathVariable String id,
                      @RequestBody Requests.ReplaceReply body) {
        SavedReplyId replyId = PathIds.savedReply(id);
        if (body.version() == null) {
            // Who may not know the reply exists learns nothing from the body: 404 comes first.
            messaging.savedReplies().get(actor, replyId);
            throw new InvalidInputException("version", "version is required: the version of the reply you read");
        }
        return messaging.savedReplies().update(actor, replyId, body.version(),
                new NewSavedReply(body.title(), body.shortcut(), body.text()));
    }

    @DeleteMapping(BASE + "/saved-replies/{id}")
    ResponseEntity<Void> delete(Messaging messaging, Actor actor, @PathVariable String id) {
        messaging.savedReplies().delete(actor, PathIds.savedReply(id));
        return ResponseEntity.noContent().build();
    }

    /** The reply with its placeholders filled for the conversation; 404 unless the caller may see it. */
    @GetMapping(BASE + "/conversations/{id}/saved-replies/{replyId}")
    Requests.RenderedReply render(Messaging messaging, Actor actor, @PathVariable String id,
                                  @PathVariable String replyId) {
        return new Requests.RenderedReply(messaging.savedReplies().render(actor, PathIds.savedReply(replyId),
                PathIds.conversation(id)));
    }
}
