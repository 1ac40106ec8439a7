package io.clientportal.messaging.internal;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.EditWindowClosedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.AccessRequest;
import io.clientportal.messaging.spi.Permission;

import java.util.Optional;

/** Loads the facts of a request and asks the {@link AccessPolicy}; turns its answer into exceptions. */
final class Authorizer {

    /**
     * Who the actor is, as far as the directory knows.
     *
     * @param actor     the actor
     * @param role      the team role, {@code null} for client users and unknown team members
     * @param accountId the client account, {@code null} for team members and unknown client users
     * @param name      the display name, {@code null} if unknown
     */
    record Subject(Actor actor, TeamRole role, String accountId, String name) {

        boolean isKnown() {
            return role != null || accountId != null;
        }

        boolean isManager() {
            return role != null && role.isManager();
        }
    }

    private final AccessPolicy policy;

    Authorizer(AccessPolicy policy) {
        this.policy = policy;
    }

    Subject subject(Facts facts, Actor actor) {
        if (actor.isTeamMember()) {
            Optional<TeamMember> member = facts.teamMember(actor.id());
            return new Subject(actor, member.map(TeamMember::role).orElse(null), null,
                    member.map(TeamMember::displayName).orElse(null));
        }
        Optional<ClientUser> user = facts.clientUser(actor.id());
        return new Subject(actor, null, user.map(ClientUser::accountId).orElse(null),
                user.map(ClientUser::displayName).orElse(null));
    }

    /** The decision for a conversation-level permission, after checking the actor may see the conversation. */
    AccessDecision decide(Facts facts, Subject subject, ConversationId conversationId, String accountId,
                          Permission permission, boolean ownMessage, boolean withinEditWindow) {
        return decide(facts, subject, conversationId, accountId, permission, ownMessage, withinEditWindow, false);
    }

    /** {@link #decide} for an edit or delete of a message that may be an internal note. */
    AccessDecision decide(Facts facts, Subject subject, ConversationId conversationId, String accountId,
                          Permission permission, boolean ownMessage, boolean withinEditWindow, boolean note) {
        Access participantAccess = !needsParticipantAccess(subject) ? null
                : facts.participantAccess(conversationId, subject.actor().id()).orElse(null);
        boolean client = subject.accountId() != null && subject.accountId().equals(accountId);
        AccessDecision view = policy.decide(new AccessRequest(Permission.VIEW, subject.actor(), subject.role(),
                client, participantAccess, ownMessage, withinEditWindow));
        if (view != AccessDecision.ALLOW || permission == Permission.VIEW) {
            return view == AccessDecision.ALLOW ? view : AccessDecision.HIDE;
        }
        return policy.decide(new AccessRequest(permission, subject.actor(), subject.role(), client,
                participantAccess, ownMessage, withinEditWindow, note));
    }

    /** Whether a decision for this subject depends on its participant access (only then is it loaded). */
    boolean needsParticipantAccess(Subject subject) {
        return subject.role() != null && policy.usesParticipantAccess(subject.role());
    }

    /** Throws {@link NotFoundException} or {@link AccessDeniedException} unless the permission is granted. */
    void require(Facts facts, Subject subject, ConversationId conversationId, String accountId,
                 Permission permission, boolean ownMessage, boolean withinEditWindow) {
        require(facts, subject, conversationId, accountId, permission, ownMessage, withinEditWindow, false);
    }

    /** {@link #require} for an edit or delete of a message that may be an internal note. */
    void require(Facts facts, Subject subject, ConversationId conversationId, String accountId,
                 Permission permission, boolean ownMessage, boolean withinEditWindow, boolean note) {
        AccessDecision decision = decide(facts, subject, conversationId, accountId, permission, ownMessage,
                withinEditWindow, note);
        if (decision == AccessDecision.HIDE) {
            throw Errors.conversationNotFound(conversationId);
        }
        if (decision == AccessDecision.DENY) {
            String refused = subject.actor().kind() + " " + subject.actor().id() + " may not "
                    + describe(permission) + " in conversation " + conversationId;
            // Refused for the time alone (the policy would allow it within the window): the caller is told so.
            if (ownMessage && !withinEditWindow && decide(facts, subject, conversationId, accountId, permission,
                    true, true, note) == AccessDecision.ALLOW) {
                throw new EditWindowClosedException(refused + ": the edit window has closed");
            }
            throw new AccessDeniedException(refused);
        }
    }

    void require(Facts facts, Subject subject, ConversationId conversationId, String accountId,
                 Permission permission) {
        require(facts, subject, conversationId, accountId, permission, false, false);
    }

    /** Whether the actor may send announcements (no conversation involved). */
    boolean maySendAnnouncements(Subject subject) {
        return policy.decide(new AccessRequest(Permission.SEND_ANNOUNCEMENT, subject.actor(), subject.role(),
                false, null, false, false)) == AccessDecision.ALLOW;
    }

    /**
     * Throws unless the actor may use the tenant's saved replies: every team member the directory knows may; a
     * client user, or anyone unknown, is answered as if there were none (no policy may show them to clients).
     */
    void requireSavedRepliesUser(Subject subject, java.util.function.Supplier<NotFoundException> notFound) {
        if (!subject.actor().isTeamMember() || subject.role() == null) {
            throw notFound.get();
        }
    }

    /** Throws unless the policy lets the actor create, change and delete saved replies. */
    void requireSavedRepliesManager(Subject subject, java.util.function.Supplier<NotFoundException> notFound) {
        requireSavedRepliesUser(subject, notFound);
        AccessDecision decision = policy.decide(new AccessRequest(Permission.MANAGE_SAVED_REPLIES, subject.actor(),
                subject.role(), false, null, false, false));
        if (decision == AccessDecision.HIDE) {
            throw notFound.get();
        }
        if (decision == AccessDecision.DENY) {
            throw new AccessDeniedException(subject.actor().kind() + " " + subject.actor().id()
                    + " may not manage saved replies");
        }
    }

    /** The actor's effective access in a conversation they may see. */
    Access effectiveAccess(Facts facts, Subject subject, ConversationId conversationId, String accountId) {
        return decide(facts, subject, conversationId, accountId, Permission.POST, false, false)
                == AccessDecision.ALLOW ? Access.WRITE : Access.READ_ONLY;
    }

    private static String describe(Permission permission) {
        return switch (permission) {
            case VIEW -> "read";
            case POST -> "post";
            case POST_NOTE -> "post internal notes";
            case EDIT_MESSAGE -> "edit this message";
            case DELETE_MESSAGE -> "delete this message";
            case MANAGE_PARTICIPANTS -> "manage participants";
            case ASSIGN -> "assign the conversation or set its status";
            case SEND_ANNOUNCEMENT -> "send announcements";
            case MANAGE_SAVED_REPLIES -> "manage saved replies";
        };
    }
}
