package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;

import java.security.Principal;
import java.util.Optional;

/**
 * Maps the authenticated principal of a request to the messaging {@link Actor} it acts as. Declare a bean of this
 * type to replace the default ({@link DirectoryActorResolver}: the principal's name is a team member id, else a
 * client user id).
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * @param principal the authenticated principal, never {@code null} (unauthenticated requests are answered 401
     *                  before this is called)
     * @return the actor, or empty when this principal may not use messaging at all (answered 403)
     */
    Optional<Actor> resolve(Principal principal);
}
