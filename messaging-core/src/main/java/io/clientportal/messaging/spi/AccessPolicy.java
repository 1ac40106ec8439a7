package io.clientportal.messaging.spi;

/**
 * Decides who may do what. The default is {@link StandardAccessPolicy}, the table of the architecture; replace it
 * through {@code MessagingBuilder.accessPolicy(...)}. The core asks {@link Permission#VIEW} first and answers
 * {@code NotFoundException} for {@link AccessDecision#HIDE}, so a policy never leaks what exists.
 *
 * <p>The event feed asks it, per event, about every team member's stream, but about a client user's stream only for
 * the events of their own account's conversation (and announcements' deliveries): a client user's stream is never
 * offered another account's events, whatever a policy would answer for {@code clientOfAccount} false.
 */
@FunctionalInterface
public interface AccessPolicy {

    /** Decides one request. Never returns {@code null}. */
    AccessDecision decide(AccessRequest request);

    /**
     * Whether {@link #decide} looks at {@link AccessRequest#participantAccess()} for a team member of this role. When
     * it does not, the core does not load it (one read less per decision, and per event on the event feed) and
     * passes {@code null}. The default says it does; override it only if {@code decide} gives the same answer
     * whatever the participant access is.
     *
     * @param role a team role, never {@code null}
     */
    default boolean usesParticipantAccess(io.clientportal.messaging.model.TeamRole role) {
        return true;
    }
}
