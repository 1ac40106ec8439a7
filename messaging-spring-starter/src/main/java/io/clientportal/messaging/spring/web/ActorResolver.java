package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;

import java.security.Principal;
import java.util.Optional;

/**
 * Maps the authenticated principal of a request to the messaging {@link Actor} it acts as. Declare a bean of this
 * type to replace the default ({@link DirectoryActorResolver}: the principal's name, or the actor-id claim of a
 * bearer token, is a team member id if the directory knows one, else a client user id).
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * @param principal the authenticated principal, never {@code null} (unauthenticated requests are answered 401
     *                  before this is called)
     * @return the actor, or empty when this principal may not use messaging at all (answered 403)
     */
    Optional<Actor> resolve(Principal principal);

    /**
     * The actor in the request's tenant ({@link TenantResolver}); by default {@link #resolve(Principal)}, which
     * knows nothing of tenants.
     *
     * @param principal the authenticated principal, never {@code null}
     * @param tenant    the engine's view of the request's tenant, never {@code null}
     * @return the actor, or empty when this principal may not use messaging in this tenant (answered 403)
     */
    default Optional<Actor> resolve(Principal principal, Messaging tenant) {
        return resolve(principal);
    }
}
