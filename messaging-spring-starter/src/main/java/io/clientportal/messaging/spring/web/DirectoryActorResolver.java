package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;

import java.security.Principal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link ActorResolver}. The actor's id is the principal's name, or, for a principal authenticated by a
 * bearer token, the token's actor-id claim ({@code sub} unless configured). Its kind is the token's actor-kind claim
 * when one is configured and the token has it ({@code team} or {@code client}; any other value is refused), else the
 * directory decides: a team member if it knows one with that id, else a client user. Lookups are in the request's
 * tenant.
 */
public final class DirectoryActorResolver implements ActorResolver {

    private final Messaging messaging;
    private final String actorIdClaim;
    private final String actorKindClaim;

    /** Ids from the principal's name or a token's {@code sub}; kinds from the directory. */
    public DirectoryActorResolver(Messaging messaging) {
        this(messaging, "sub", null);
    }

    /**
     * @param messaging      the engine, whose tenant is used when a request's tenant is not known
     * @param actorIdClaim   the token claim naming the actor's id, not {@code null}
     * @param actorKindClaim the token claim naming the actor's kind, or {@code null} to let the directory decide
     */
    public DirectoryActorResolver(Messaging messaging, String actorIdClaim, String actorKindClaim) {
        this.messaging = Objects.requireNonNull(messaging, "messaging must not be null");
        this.actorIdClaim = Objects.requireNonNull(actorIdClaim, "actorIdClaim must not be null");
        this.actorKindClaim = actorKindClaim == null || actorKindClaim.isBlank() ? null : actorKindClaim;
    }

    @Override
    public Optional<Actor> resolve(Principal principal) {
        return resolve(principal, messaging);
    }

    @Override
    public Optional<Actor> resolve(Principal principal, Messaging tenant) {
        boolean token = TokenPrincipals.isToken(principal);
        String id = token ? TokenPrincipals.claim(principal, actorIdClaim) : principal.getName();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String kind = token ? TokenPrincipals.claim(principal, actorKindClaim) : null;
        if (kind != null) {
            return switch (kind.toLowerCase(Locale.ROOT)) {
                case "team", "team_member", "team-member" -> Optional.of(Actor.teamMember(id));
                case "client", "client_user", "client-user" -> Optional.of(Actor.clientUser(id));
                default -> Optional.empty();
            };
        }
        return Optional.of(tenant.directory().teamMember(id).isPresent()
                ? Actor.teamMember(id)
                : Actor.clientUser(id));
    }
}
