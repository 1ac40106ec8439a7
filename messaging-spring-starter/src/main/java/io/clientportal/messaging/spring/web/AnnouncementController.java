package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.NewAnnouncement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Sending announcements (202: delivery runs in the background) and following their progress. */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}/announcements")
final class AnnouncementController {

    private final MessagingRateLimits rateLimits;
    private final List<MessagingApiListener> listeners;

    AnnouncementController(MessagingRateLimits rateLimits, List<MessagingApiListener> listeners) {
        this.rateLimits = rateLimits;
        this.listeners = List.copyOf(listeners);
    }

    @PostMapping
    ResponseEntity<Announcement> send(Messaging messaging, Actor actor, @RequestBody Requests.SendAnnouncement body) {
        NewAnnouncement announcement = toNewAnnouncement(body);
        rateLimits.post(messaging, actor);
        Announcement sent = messaging.announcements().send(actor, announcement);
        listeners.forEach(listener -> listener.announcementSent(sent));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(sent);
    }

    @GetMapping("/{id}")
    Announcement get(Messaging messaging, Actor actor, @PathVariable String id) {
        return messaging.announcements().get(actor, PathIds.announcement(id));
    }

    private static NewAnnouncement toNewAnnouncement(Requests.SendAnnouncement body) {
        Requests.Audience audience = body.audience();
        if (audience == null) {
            throw new InvalidInputException("audience", "audience is required: {allClients:true} or {clientAccountIds:[...]}");
        }
        boolean all = Boolean.TRUE.equals(audience.allClients());
        boolean listed = audience.clientAccountIds() != null && !audience.clientAccountIds().isEmpty();
        if (all == listed) {
            throw new InvalidInputException("audience",
                    "audience must be either {allClients:true} or {clientAccountIds:[...]} with at least one id");
        }
        if (listed && audience.clientAccountIds().contains(null)) {
            throw new InvalidInputException("audience.clientAccountIds", "clientAccountIds must not contain null");
        }
        if (body.attachmentIds() != null && body.attachmentIds().contains(null)) {
            throw new InvalidInputException("attachmentIds", "attachmentIds must not contain null");
        }
        return new NewAnnouncement(all, all ? null : audience.clientAccountIds(), body.text(), body.attachmentIds(),
                Boolean.TRUE.equals(body.highlighted()));
    }
}
