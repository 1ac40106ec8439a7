package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Participant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** "Add participants", "Remove from chat" and access changes. */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}/conversations/{id}/participants")
final class ParticipantController {


    @GetMapping
    List<Participant> participants(Messaging messaging, Actor actor, @PathVariable String id) {
        return messaging.conversations().participants(actor, PathIds.conversation(id));
    }

    /** Adds the team member, or changes their access if they already take part. */
    @PutMapping("/{teamMemberId}")
    Participant put(Messaging messaging, Actor actor, @PathVariable String id, @PathVariable String teamMemberId,
                    @RequestBody Requests.ParticipantAccess body) {
        if (body.access() == null) {
            throw new InvalidInputException("access", "access is required");
        }
        ConversationId conversationId = PathIds.conversation(id);
        boolean present = messaging.conversations().participants(actor, conversationId).stream()
                .anyMatch(p -> p.teamMemberId().equals(teamMemberId));
        return present
                ? messaging.conversations().changeAccess(actor, conversationId, teamMemberId, body.access())
                : messaging.conversations().addParticipant(actor, conversationId, teamMemberId, body.access());
    }

    @DeleteMapping("/{teamMemberId}")
    ResponseEntity<Void> remove(Messaging messaging, Actor actor,
                                @PathVariable String id, @PathVariable String teamMemberId) {
        messaging.conversations().removeParticipant(actor, PathIds.conversation(id), teamMemberId);
        return ResponseEntity.noContent().build();
    }
}
