package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.TeamRole;

/**
 * The default authorisation table: owners, admins and managers do everything but edit another's message (nobody
 * may: staff delete instead); agents see the conversations they were added to and write there with
 * {@link Access#WRITE} (and there assign the conversation and set its team status); watchers only read; client
 * users see and write their account's conversation, and never learn of its assignment; everyone else is not told
 * the conversation exists. Owners, admins and managers manage the saved replies; other team members are denied
 * it, and clients are not told they exist.
 *
 * <p>Internal notes ({@link Permission#POST_NOTE}): every team member who sees the conversation may post one except
 * watchers, so owners, admins and managers, and agents with {@link Access#WRITE} or {@link Access#READ_ONLY} (a
 * note talks to the team, not to the client); a watcher is denied. A client user is not told notes exist: asking
 * to post one is answered as for a missing conversation. Everyone on the team who sees the conversation sees its
 * notes; clients never do. An agent edits and deletes their own notes as a writer their own messages (within the edit
 * window), whatever their access; staff delete anyone's, as for messages.
 */
public final class StandardAccessPolicy implements AccessPolicy {

    @Override
    public AccessDecision decide(AccessRequest request) {
        if (request.permission() == Permission.SEND_ANNOUNCEMENT) {
            return request.role() != null && request.role().isManager() ? AccessDecision.ALLOW : AccessDecision.DENY;
        }
        if (request.permission() == Permission.MANAGE_SAVED_REPLIES) {
            if (request.role() == null) {
                return AccessDecision.HIDE;
            }
            return allowIf(request.role().isManager());
        }
        if (request.actor().isTeamMember()) {
            return decideForTeamMember(request);
        }
        return request.clientOfAccount() ? decideForClient(request) : AccessDecision.HIDE;
    }

    /** Owners, admins and managers are decided by their role alone. */
    @Override
    public boolean usesParticipantAccess(TeamRole role) {
        return !role.isManager();
    }

    private static AccessDecision decideForTeamMember(AccessRequest request) {
        TeamRole role = request.role();
        if (role == null) {
            return AccessDecision.HIDE;
        }
        if (role.isManager()) {
            // Rewriting someone else's words under their name is never allowed; staff moderate by deleting.
            return allowIf(request.permission() != Permission.EDIT_MESSAGE || request.ownMessage());
        }
        if (request.participantAccess() == null) {
            return AccessDecision.HIDE;
        }
        boolean writer = role == TeamRole.AGENT && request.participantAccess() == Access.WRITE;
        return switch (request.permission()) {
            case VIEW -> AccessDecision.ALLOW;
            case POST, ASSIGN -> allowIf(writer);
            case POST_NOTE -> allowIf(role == TeamRole.AGENT);
            // An agent who may post a note may edit and delete it as a writer their own messages.
            case EDIT_MESSAGE, DELETE_MESSAGE -> allowIf((writer || (role == TeamRole.AGENT && request.internalNote()))
                    && request.ownMessage() && request.withinEditWindow());
            case MANAGE_PARTICIPANTS, SEND_ANNOUNCEMENT, MANAGE_SAVED_REPLIES -> AccessDecision.DENY;
        };
    }

    private static AccessDecision decideForClient(AccessRequest request) {
        return switch (request.permission()) {
            case VIEW, POST -> AccessDecision.ALLOW;
            case EDIT_MESSAGE, DELETE_MESSAGE -> allowIf(request.ownMessage() && request.withinEditWindow());
            case MANAGE_PARTICIPANTS, ASSIGN, MANAGE_SAVED_REPLIES, POST_NOTE -> AccessDecision.HIDE;
            case SEND_ANNOUNCEMENT -> AccessDecision.DENY;
        };
    }

    private static AccessDecision allowIf(boolean condition) {
        return condition ? AccessDecision.ALLOW : AccessDecision.DENY;
    }
}
