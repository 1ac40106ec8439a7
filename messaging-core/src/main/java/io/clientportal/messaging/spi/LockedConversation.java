package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;

import java.util.Objects;

/**
 * A conversation read under its row lock together with what authorising one actor there needs, in the same round
 * trip ({@link StoreTransaction#lockFor}).
 *
 * @param conversation      the conversation as the lock found it, never {@code null}
 * @param teamMember        the actor's directory entry when the actor is a team member the directory knows, else
 *                          {@code null}
 * @param clientUser        the actor's directory entry when the actor is a client user the directory knows, else
 *                          {@code null}
 * @param participantAccess a team member's stored access in the conversation, {@code null} when not a participant
 */
public record LockedConversation(ConversationRow conversation, TeamMemberRow teamMember, ClientUserRow clientUser,
                                 Access participantAccess) {

    public LockedConversation {
        Objects.requireNonNull(conversation, "conversation must not be null");
    }
}
