package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations, their seq counter and their participants, in one unit of work. Arguments are never {@code null};
 * returned collections are never {@code null}.
 */
public interface ConversationRows {

    /**
     * Inserts a conversation.
     *
     * @throws DuplicateKeyException with {@link DuplicateKeyException.Key#CLIENT_ACCOUNT_CONVERSATION} if the
     *                               account already has one
     */
    void insert(ConversationRow conversation);

    /** The conversation, or empty. */
    Optional<ConversationRow> find(ConversationId id);

    /** The conversation of a client account, or empty. */
    Optional<ConversationRow> ofAccount(String clientAccountId);

    /** Sets the client name a conversation shows (the core calls it when the account is renamed). */
    void rename(ConversationId id, String clientName);

    /**
     * Deletes a conversation and every row stored under it: its messages, participants, read horizons and
     * announcement targets, taking its countable out of the tenant's, its read counts out of their readers'
     * kept totals and its counts out of its participants' participant totals ({@link ReadStateRows}).
     * (Attachment rows are the core's to delete first: {@link AttachmentRows#deleteOf}.)
     */
    void delete(ConversationId id);

    /**
     * Takes the next seq of a conversation: increments its {@code lastSeq} under a lock on the conversation that
     * holds until the unit of work ends, and sets its {@code lastMessageAt} to the later of {@code at} and its
     * current value (under the lock, so that times never run backwards against seqs). Concurrent callers (on any
     * node) get distinct, gap-free values. The seq is for a message the unit inserts: it counts one more countable
     * message in the conversation and in the tenant, and one more in the participant total of each of the
     * conversation's participants ({@link ReadStateRows}), in the same statement where the store can.
     *
     * @return the seq and time taken, or empty if the conversation does not exist
     */
    Optional<SeqTaken> takeSeq(ConversationId id, Instant at);

    /**
     * Takes the next seq as {@link #takeSeq(ConversationId, Instant)} does, for a message that is an internal note
     * or not. A message that is not internal also takes the next clientSeq ({@code lastClientSeq} incremented,
     * {@code lastClientMessageAt} set to the time taken) and counts in the conversation's client countable; a note
     * takes only the seq, carries the current {@code lastClientSeq} and counts only in the countable.
     *
     * <p>The default serves a store without notes (where clientSeq is seq): messages that are not internal go to
     * {@link #takeSeq(ConversationId, Instant)}, a note is refused.
     *
     * @throws UnsupportedOperationException for a note, by the default
     */
    default Optional<SeqTaken> takeSeq(ConversationId id, Instant at, boolean internal) {
        if (internal) {
            throw new UnsupportedOperationException(getClass().getName() + " does not store internal notes");
        }
        return takeSeq(id, at);
    }

    /**
     * The client account of each of the conversations that exist. The default asks {@link #find} once per id;
     * stores should answer in one query (the event relay asks for a whole batch at once).
     *
     * @param ids at most a few hundred
     * @return conversation id to client account id; absent ids do not exist
     */
    default Map<ConversationId, String> accounts(Collection<ConversationId> ids) {
        Map<ConversationId, String> accounts = new HashMap<>();
        for (ConversationId id : ids) {
            find(id).ifPresent(c -> accounts.put(id, c.clientAccountId()));
        }
        return accounts;
    }

    // --- team state ------------------------------------------------------------------------------------------

    /**
     * Sets a conversation's assignee (the core has authorised it and checked the member) and the time the team state
     * changed, leaving its status as it is (a concurrent status change or reopening is not overwritten). Nothing
     * happens when the conversation does not exist.
     *
     * @param assigneeId the team member, {@code null} for nobody
     */
    default void setAssignee(ConversationId id, String assigneeId, Instant changedAt) {
        throw new UnsupportedOperationException(getClass().getName() + " does not store team state (assignment and"
                + " status); implement ConversationRows.setAssignee");
    }

    /**
     * Sets a conversation's team status and the time the team state changed, leaving its assignee as it is. Nothing
     * happens when the conversation does not exist.
     */
    default void setTeamStatus(ConversationId id, ConversationStatus status, Instant changedAt) {
        throw new UnsupportedOperationException(getClass().getName() + " does not store team state (assignment and"
                + " status); implement ConversationRows.setTeamStatus");
    }

    /**
     * Sets the team status to {@link ConversationStatus#OPEN} where it is another (a client wrote), in the unit of a
     * post that holds the conversation's lock. The default reads the row and calls {@link #setTeamStatus}; stores
     * should do it in one conditional update.
     *
     * @return whether the status changed
     */
    default boolean reopen(ConversationId id, Instant at) {
        Optional<ConversationRow> row = find(id);
        if (row.isEmpty() || row.get().teamStatus() == ConversationStatus.OPEN) {
            return false;
        }
        setTeamStatus(id, ConversationStatus.OPEN, at);
        return true;
    }

    /**
     * Unassigns every conversation assigned to a team member (removed from the directory).
     *
     * @return the conversations that were assigned to them
     */
    default List<ConversationId> unassignEverywhere(String teamMemberId, Instant at) {
        throw new UnsupportedOperationException(getClass().getName() + " does not store team state (assignment and"
                + " status); implement ConversationRows.unassignEverywhere");
    }

    // --- participants ----------------------------------------------------------------------------------------

    /** A team member's stored access in a conversation, empty if not a participant. */
    Optional<Access> participantAccess(ConversationId id, String teamMemberId);

    /**
     * The stored access of the given team members in the given conversations. The default asks
     * {@link #participantAccess} once per pair; stores should answer in one query.
     *
     * @return conversation id to (team member id to access) for each pair that is a participant
     */
    default Map<ConversationId, Map<String, Access>> participantAccesses(Collection<ConversationId> ids,
                                                                          Collection<String> teamMemberIds) {
        Map<ConversationId, Map<String, Access>> accesses = new HashMap<>();
        for (ConversationId id : ids) {
            for (String member : teamMemberIds) {
                participantAccess(id, member).ifPresent(access ->
                        accesses.computeIfAbsent(id, k -> new HashMap<>()).put(member, access));
            }
        }
        return accesses;
    }

    /** The participants of a conversation with their directory entries, in any order. */
    List<ParticipantRow> participants(ConversationId id);

    /**
     * Adds a participant or replaces their stored access. A new participant's participant total
     * ({@link ReadStateRows}) gains the conversation's countable minus their read count there, under the
     * conversation's lock (so that a concurrent post counts them either wholly before or wholly after).
     */
    void saveParticipant(ConversationId id, String teamMemberId, Access access);

    /**
     * Removes a participant, taking the conversation's countable minus their read count there off their participant
     * total ({@link ReadStateRows}) under the conversation's lock; returns whether they were one.
     */
    boolean deleteParticipant(ConversationId id, String teamMemberId);

    /**
     * Removes a team member from every conversation, as {@link #deleteParticipant} does for each; returns the
     * conversations they were in.
     */
    List<ConversationId> deleteParticipations(String teamMemberId);

    /** Sets a team member's stored access to {@code access} wherever it is another; returns those conversations. */
    List<ConversationId> setAccessEverywhere(String teamMemberId, Access access);
}
