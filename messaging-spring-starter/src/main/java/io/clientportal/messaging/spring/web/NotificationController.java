package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.spring.notifications.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /me/notifications}: the caller's notification preferences; {@code POST /notifications/unsubscribe}:
 * RFC 8058 one-click unsubscribe from a notification email, without a login, by its signed token.
 */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class NotificationController {

    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);

    private final Messaging root;
    private final ObjectProvider<UnsubscribeTokens> tokens;

    NotificationController(Messaging root, ObjectProvider<UnsubscribeTokens> tokens) {
        this.root = root;
        this.tokens = tokens;
    }

    @GetMapping("/me/notifications")
    NotificationPreferences get(Messaging messaging, Actor actor) {
        return messaging.notifications().preferences(actor);
    }

    @PutMapping("/me/notifications")
    NotificationPreferences put(Messaging messaging, Actor actor,
                                @RequestBody Requests.NotificationPreferencesBody body) {
        if (body == null || body.mode() == null) {
            throw new InvalidInputException("mode", "mode is required: OFF, EACH or DIGEST");
        }
        int hours = body.digestHours() == null ? 0 : body.digestHours();
        return messaging.notifications().setPreferences(actor, new NotificationPreferences(body.mode(), hours));
    }

    /**
     * Turns the token's person's notifications off. A forged, expired or malformed token, or one of a person who
     * is gone, answers 400 and says no more; using a valid link again answers as the first time.
     */
    @PostMapping("/notifications/unsubscribe")
    ResponseEntity<Void> unsubscribe(@RequestParam(name = "token", required = false) String token) {
        UnsubscribeTokens verifier = tokens.getIfAvailable();
        UnsubscribeTokens.Subject subject = verifier == null ? null : verifier.verify(token).orElse(null);
        if (subject == null) {
            log.info("Refused an unsubscribe request with an invalid token");
            throw notAccepted();
        }
        try {
            root.tenant(subject.tenantId()).notifications().setPreferences(subject.actor(),
                    NotificationPreferences.off());
        } catch (NotFoundException gone) {
            log.info("Refused an unsubscribe request for a person who is gone");
            throw notAccepted();
        }
        return ResponseEntity.ok().build();
    }

    private static InvalidInputException notAccepted() {
        return new InvalidInputException("token", "the link is not valid");
    }
}
