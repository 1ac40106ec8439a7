package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.TeamMember;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /me}: who the caller is to messaging, their unread and mention totals, and the limits they meet. */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class MeController {


    @GetMapping("/me")
    Requests.Me me(Messaging messaging, Actor actor) {
        if (actor.isTeamMember()) {
            TeamMember member = messaging.directory().teamMember(actor.id())
                    .orElseThrow(() -> new NotFoundException("no messaging user for the signed-in principal"));
            return new Requests.Me(actor, member.displayName(), member.role(),
                    messaging.messages().unreadTotal(actor), messaging.messages().mentionTotal(actor),
                    Requests.Limits.of(messaging.limits()));
        }
        long unread = messaging.messages().unreadTotal(actor);
        String displayName = messaging.directory().clientUser(actor.id()).map(ClientUser::displayName)
                .orElse(actor.id());
        return new Requests.Me(actor, displayName, null, unread, 0, Requests.Limits.of(messaging.limits()));
    }
}
