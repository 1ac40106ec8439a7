package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.TeamRole;

/**
 * The facts an {@link AccessPolicy} decides on, loaded by the core from the store (inside the unit of work for
 * writes).
 *
 * @param permission        what the actor wants to do
 * @param actor             who
 * @param role              the actor's team role; {@code null} for a client user or an unknown team member
 * @param clientOfAccount   whether the actor is a client user of the conversation's account
 * @param participantAccess the actor's stored participant access in the conversation; {@code null} if not added
 * @param ownMessage        for message edits and deletes: whether the actor wrote the message
 * @param withinEditWindow  for message edits and deletes: whether the edit window is still open
 * @param internalNote      for message edits and deletes: whether the message is an internal note
 */
public record AccessRequest(Permission permission, Actor actor, TeamRole role, boolean clientOfAccount,
                            Access participantAccess, boolean ownMessage, boolean withinEditWindow,
                            boolean internalNote) {

    /** A request about no internal note (the record as it was before notes). */
    public AccessRequest(Permission permission, Actor actor, TeamRole role, boolean clientOfAccount,
                         Access participantAccess, boolean ownMessage, boolean withinEditWindow) {
        this(permission, actor, role, clientOfAccount, participantAccess, ownMessage, withinEditWindow, false);
    }
}
