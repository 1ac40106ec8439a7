package io.clientportal.messaging;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewSavedReply;
import io.clientportal.messaging.model.SavedReply;
import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.model.SavedReplyQuery;

import java.util.List;

/**
 * The team's saved replies: templates of one tenant with placeholders
 * ({@link io.clientportal.messaging.model.SavedReplyPlaceholders}), managed by those the {@code AccessPolicy} lets
 * manage them (by default owners, admins and managers) and used by every team member. Clients never learn that
 * they exist: every call of a client user (or of anyone the directory does not know) answers
 * {@link NotFoundException}, as for a missing id.
 */
public interface SavedReplies {

    /**
     * Saves a new reply.
     *
     * @throws InvalidInputException  naming {@code title}, {@code shortcut} or {@code text} (an unknown placeholder
     *                                included)
     * @throws ConflictException      (field {@code shortcut}) when another reply of the tenant has the shortcut
     * @throws LimitExceededException when the tenant has {@code MessagingLimits.maxSavedReplies} already
     * @throws AccessDeniedException  for a team member who may not manage saved replies
     * @throws NotFoundException      for a client user or an unknown actor
     */
    SavedReply create(Actor actor, NewSavedReply reply);

    /**
     * Replaces a reply's title, shortcut and text, if it is still at {@code expectedVersion} (optimistic: two
     * managers editing at once do not overwrite each other unseen).
     *
     * @param expectedVersion the {@link SavedReply#version()} the caller read
     * @return the reply as changed, at the next version
     * @throws ConflictException     when the reply is at another version (field {@code version}), or the shortcut
     *                               is another reply's (field {@code shortcut})
     * @throws NotFoundException     when there is no such reply, or for a client user or an unknown actor
     * @throws AccessDeniedException for a team member who may not manage saved replies
     * @throws InvalidInputException as for {@link #create}
     */
    SavedReply update(Actor actor, SavedReplyId id, long expectedVersion, NewSavedReply reply);

    /**
     * Deletes a reply.
     *
     * @throws NotFoundException     when there is no such reply, or for a client user or an unknown actor
     * @throws AccessDeniedException for a team member who may not manage saved replies
     */
    void delete(Actor actor, SavedReplyId id);

    /**
     * The tenant's replies that match the query, in its order; for every team member.
     *
     * @throws NotFoundException for a client user or an unknown actor
     */
    List<SavedReply> list(Actor actor, SavedReplyQuery query);

    /**
     * One reply; for every team member.
     *
     * @throws NotFoundException when there is no such reply, or for a client user or an unknown actor
     */
    SavedReply get(Actor actor, SavedReplyId id);

    /**
     * The reply's text with its placeholders filled for a conversation the actor may see, ready to post (or to
     * edit first). Reads only; posting is {@link Messages#post}, with the actor's own rights there.
     *
     * @throws NotFoundException when there is no such reply or conversation, when the actor may not see the
     *                           conversation, or for a client user or an unknown actor
     */
    String render(Actor actor, SavedReplyId id, ConversationId conversationId);
}
