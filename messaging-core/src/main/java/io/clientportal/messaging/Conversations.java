package io.clientportal.messaging;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamState;

import java.util.List;

/**
 * Conversations, the inbox and participants. What the actor may not see answers {@link NotFoundException},
 * exactly as a missing id does.
 */
public interface Conversations {

    /** The conversation of a client account. */
    Conversation conversationOf(Actor actor, String clientAccountId);

    /** A conversation by id. */
    Conversation get(Actor actor, ConversationId id);

    /** The conversations the actor sees, newest activity first, with unread counts; keyset-paged. */
    Page<ConversationSummary> inbox(Actor actor, InboxQuery query);

    /** The team members added to the conversation. */
    List<Participant> participants(Actor actor, ConversationId id);

    /**
     * Adds a team member to the conversation (or changes their access if already added).
     *
     * @throws InvalidInputException if a watcher is given {@link Access#WRITE}
     */
    Participant addParticipant(Actor actor, ConversationId id, String teamMemberId, Access access);

    /**
     * Changes a participant's access.
     *
     * @throws InvalidInputException if a watcher is given {@link Access#WRITE}
     * @throws NotFoundException     if the team member is not a participant
     */
    Participant changeAccess(Actor actor, ConversationId id, String teamMemberId, Access access);

    /** Removes a team member from the conversation ("Remove from chat"). Their open streams stop at once. */
    void removeParticipant(Actor actor, ConversationId id, String teamMemberId);

    /**
     * Assigns the conversation to a team member, or to nobody. Allowed where the access policy grants
     * {@link io.clientportal.messaging.spi.Permission#ASSIGN} (by default: owners, admins, managers and agents with
     * WRITE); clients are answered {@link NotFoundException}. Assigning the current assignee again changes nothing.
     *
     * @param teamMemberId the new assignee, {@code null} to unassign
     * @return the conversation's team state after the call
     * @throws InvalidInputException  (field {@code assignee}) if the member does not exist or may not see the
     *                                conversation
     * @throws AccessDeniedException  if the actor sees the conversation but may not assign it
     */
    TeamState assign(Actor actor, ConversationId id, String teamMemberId);

    /**
     * Sets the conversation's team status; authorised as {@link #assign}. A client's new message sets it back to
     * {@link ConversationStatus#OPEN}.
     *
     * @return the conversation's team state after the call
     */
    TeamState setStatus(Actor actor, ConversationId id, ConversationStatus status);
}
