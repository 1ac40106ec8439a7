package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link ActorResolver}: the principal's name is a team member id if the directory knows such a team
 * member, else a client user id.
 */
public final class DirectoryActorResolver implements ActorResolver {

    private final Messaging messaging;

    public DirectoryActorResolver(Messaging messaging) {
        this.messaging = Objects.requireNonNull(messaging, "messaging must not be null");
    }

    @Override
    public Optional<Actor> resolve(Principal principal) {
        String name = principal.getName();
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(messaging.directory().teamMember(name).isPresent()
                ? Actor.teamMember(name)
                : Actor.clientUser(name));
    }
}
