package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ClientAccount;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamMember;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data operations of one unit of work, scoped to one tenant: every read and write sees and touches only that
 * tenant's rows. The core calls these after it has authorised and validated the call; a store checks nothing but
 * its own keys. Arguments are never {@code null} unless documented; returned lists are never {@code null}.
 */
public interface StoreTransaction {

    /** The tenant this unit of work is scoped to. */
    String tenantId();

    // --- directory ---------------------------------------------------------------------------------------------

    Optional<TeamMember> teamMember(String id);

    /** Inserts or updates a team member. */
    void saveTeamMember(TeamMember member);

    /** Deletes a team member (their participations must already be gone). */
    void deleteTeamMember(String id);

    Optional<ClientAccount> clientAccount(String id);

    /** Inserts or updates a client account; a rename shows in its conversation's {@code clientName}. */
    void saveClientAccount(ClientAccount account);

    /** Deletes a client account (its conversation and users must already be gone). */
    void deleteClientAccount(String id);

    Optional<ClientUser> clientUser(String id);

    /** The users of a client account, by id. */
    List<ClientUser> clientUsers(String accountId);

    /** Inserts or updates a client user. */
    void saveClientUser(ClientUser user);

    void deleteClientUser(String id);

    // --- conversations and participants ------------------------------------------------------------------------

    /**
     * Inserts a conversation ({@code lastSeq} 0, no messages).
     *
     * @throws DuplicateKeyException with {@link DuplicateKeyException.Key#CLIENT_ACCOUNT_CONVERSATION} if the
     *                               account already has one
     */
    void insertConversation(Conversation conversation);

    Optional<Conversation> conversation(ConversationId id);

    Optional<Conversation> conversationOfAccount(String clientAccountId);

    /**
     * Deletes a conversation and everything in it: messages, participants, read state, announcement deliveries
     * and the attachments its own messages reference (announcement attachments are shared and stay).
     *
     * @return the deleted attachments, so the core can delete their bytes after commit
     */
    List<AttachmentRecord> deleteConversation(ConversationId id);

    /** A team member's stored access in a conversation, empty if not a participant. */
    Optional<Access> participantAccess(ConversationId id, String teamMemberId);

    /** The participants of a conversation with their stored access, ordered by display name then id. */
    List<Participant> participants(ConversationId id);

    /**
     * The client account of each of the conversations that exists, for the event relay, which decides a whole batch
     * of events at once. The default asks {@link #conversation} once per id; stores should answer in one query.
     *
     * @param ids conversations, never {@code null} (at most a few hundred)
     * @return conversation id -> client account id; ids of conversations that do not exist are absent; never
     *         {@code null}
     */
    default Map<ConversationId, String> conversationAccounts(Collection<ConversationId> ids) {
        Map<ConversationId, String> accounts = new HashMap<>();
        for (ConversationId id : ids) {
            conversation(id).ifPresent(c -> accounts.put(id, c.clientAccountId()));
        }
        return accounts;
    }

    /**
     * The stored access of the given team members in the given conversations, for the event relay (see
     * {@link #conversationAccounts}). The default asks {@link #participantAccess} once per pair; stores should
     * answer in one query.
     *
     * @param ids           conversations, never {@code null}
     * @param teamMemberIds team members, never {@code null}
     * @return conversation id -> (team member id -> access) for each pair that is a participant; pairs that are not
     *         are absent; never {@code null}
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

    /** Adds a participant or replaces their access. */
    void saveParticipant(ConversationId id, String teamMemberId, Access access);

    /** Removes a participant; returns whether they were one. */
    boolean deleteParticipant(ConversationId id, String teamMemberId);

    /** Removes a team member from every conversation; returns the conversations they were in. */
    List<ConversationId> deleteParticipations(String teamMemberId);

    /** Sets a team member's access to {@code access} in every conversation; returns the conversations changed. */
    List<ConversationId> setAccessEverywhere(String teamMemberId, Access access);

    // --- messages ----------------------------------------------------------------------------------------------

    /**
     * Takes the next seq of a conversation: increments its {@code lastSeq} under a lock on the conversation that
     * holds until the unit of work ends, and sets its {@code lastMessageAt} to the later of {@code at} and its
     * current value (under the lock, so that times never run backwards against seqs: a caller that took its time
     * first but the lock second gets the earlier caller's time). Concurrent callers (on any node) get distinct,
     * gap-free values.
     *
     * @return the new seq, or -1 if the conversation does not exist
     */
    long nextSeq(ConversationId id, Instant at);

    /**
     * Takes the next seq of a conversation as {@link #nextSeq} does and reads, in the same round trip, what
     * authorising {@code author} there needs: the conversation's client account, the author's directory entry and,
     * for a team member, their participant access. The core authorises the post afterwards and throws when it is
     * refused, which rolls the unit back, seq included; so posting takes one statement where it would take four.
     * The reservation's {@link SeqReservation#at() at} is the {@code lastMessageAt} that {@link #nextSeq} set: the
     * new message's creation time. The default composes the finer calls; a store overrides it to save the round
     * trips on its hottest write.
     *
     * @return the reservation, or empty if the conversation does not exist
     */
    default Optional<SeqReservation> nextSeqFor(ConversationId id, Actor author, Instant at) {
        long seq = nextSeq(id, at);
        if (seq < 0) {
            return Optional.empty();
        }
        // Read after the seq, under its lock: the time nextSeq settled on.
        Optional<Conversation> conversation = conversation(id);
        if (conversation.isEmpty()) {
            return Optional.empty();
        }
        String accountId = conversation.get().clientAccountId();
        Instant taken = conversation.get().lastMessageAt();
        if (author.isTeamMember()) {
            return Optional.of(new SeqReservation(seq, accountId, teamMember(author.id()).orElse(null), null,
                    participantAccess(id, author.id()).orElse(null), taken));
        }
        return Optional.of(new SeqReservation(seq, accountId, null, clientUser(author.id()).orElse(null), null,
                taken));
    }

    /**
     * Inserts a message (its seq was taken with {@link #nextSeq}) and links the attachments it lists to it.
     *
     * @throws DuplicateKeyException with {@link DuplicateKeyException.Key#CLIENT_MESSAGE_ID} if the author already
     *                               posted a message with the same client message id to the conversation
     */
    void insertMessage(Message message);

    Optional<Message> message(MessageId id);

    Optional<Message> messageByClientMessageId(ConversationId id, Actor author, String clientMessageId);

    /**
     * A window of history, ascending by seq: with {@code beforeSeq}, the {@code limit} highest seqs below it;
     * with {@code afterSeq}, the {@code limit} lowest above it; with neither, the {@code limit} highest.
     */
    List<Message> history(ConversationId id, Long beforeSeq, Long afterSeq, int limit);

    /**
     * Replaces a message's text and sets its edit time, unless the message is deleted: a deleted message stays a
     * tombstone, whatever an edit that checked it before the delete committed writes.
     */
    void updateMessageText(MessageId id, String text, Instant editedAt);

    /** Turns a message into a tombstone: empty text, no attachments, deleted. Its seq stays. */
    void markMessageDeleted(MessageId id, Instant deletedAt);

    // --- read state --------------------------------------------------------------------------------------------

    /** A reader's horizon in a conversation: the highest seq they have read, 0 if none. */
    long readHorizon(ConversationId id, Actor reader);

    /**
     * Moves a reader's horizon to {@code seq} if that is higher than the stored one (atomically: of two
     * concurrent calls the higher wins).
     *
     * @return whether it moved
     */
    boolean advanceReadHorizon(ConversationId id, Actor reader, long seq);

    /** Messages by others after the reader's horizon that are not deleted, in one conversation. */
    long unreadCount(ConversationId id, Actor reader);

    /** The sum of {@link #unreadCount} over the conversations of a scope. */
    long unreadTotal(Actor reader, ConversationScope scope);

    /** One inbox page, unread counts included, in one round trip where the store can. */
    List<InboxRow> inbox(InboxRequest request);

    // --- announcements -----------------------------------------------------------------------------------------

    void insertAnnouncement(AnnouncementRecord announcement);

    Optional<AnnouncementRecord> announcement(AnnouncementId id);

    /**
     * The announcement, as {@link #announcement} answers, with its row locked until this unit of work ends: another
     * unit that locks the same announcement waits until this one commits or rolls back, and then reads what this one
     * wrote. Delivery locks the announcement first in every unit that changes its progress or lease, so that two
     * nodes never interleave chunks and progress is never written from a stale read.
     */
    Optional<AnnouncementRecord> lockAnnouncement(AnnouncementId id);

    /** Records the target conversations of an announcement. */
    void addAnnouncementTargets(AnnouncementId id, List<ConversationId> conversationIds);

    /**
     * Records every conversation of the tenant as a target (set-based); returns how many. Called once, in the unit
     * of work that inserted the announcement, which has no targets yet.
     */
    int addAllConversationsAsTargets(AnnouncementId id);

    /** Target conversations with an id greater than {@code after} (or from the first), ascending by id. */
    List<ConversationId> announcementTargets(AnnouncementId id, ConversationId after, int limit);

    /** Stores target count, status, delivered count, cursor and lease of an announcement. */
    void updateAnnouncementProgress(AnnouncementRecord announcement);

    /**
     * Delivers one chunk: in each listed conversation that still exists and has no message of this announcement
     * yet, takes the next seq (as {@link #nextSeq} does, at {@link AnnouncementChunk#at()}) and inserts the
     * announcement's message created at the conversation's new {@code lastMessageAt}, and returns the messages
     * written (ascending by conversation id). Conversations already served are skipped, so a resumed chunk writes no duplicates.
     */
    List<Message> deliverAnnouncementChunk(AnnouncementChunk chunk);

    /** The message an announcement left in a conversation. */
    Optional<Message> announcementMessage(AnnouncementId id, ConversationId conversationId);

    /** How many target conversations have a client user whose horizon reached the announcement's message. */
    int announcementReadCount(AnnouncementId id);

    /** Whether the announcement was delivered to a conversation the team member is a participant of. */
    boolean announcementDeliveredToParticipant(AnnouncementId id, String teamMemberId);

    // --- attachments -------------------------------------------------------------------------------------------

    void insertAttachment(AttachmentRecord attachment);

    Optional<AttachmentRecord> attachment(AttachmentId id);

    /** Marks attachments as referenced by a message (then {@code announcementId} is null) or an announcement. */
    void referenceAttachments(List<AttachmentId> ids, ConversationId conversationId, MessageId messageId,
                              AnnouncementId announcementId);

    /** Deletes attachment records; returns the ones deleted, so the core can delete their bytes after commit. */
    List<AttachmentRecord> deleteAttachments(List<AttachmentId> ids);

    // --- events ------------------------------------------------------------------------------------------------

    /**
     * Appends events to the log in this unit of work; they become visible when it commits. For each event, also
     * queues one webhook delivery per name in {@link NewEvent#webhookEndpoints()} (state {@code PENDING}, due at
     * once, no attempt yet), so a delivery exists exactly when its event committed.
     */
    void appendEvents(List<NewEvent> events);

    /**
     * The logged events of a conversation whose type is one of {@code types} and whose payload contains
     * {@code mention}, ascending by position. The core finds the earlier events about a message it edits or
     * deletes this way (with the message's id as {@code mention}) and then rewrites them
     * ({@link #rewriteEventPayloads}). Edits and deletes are rare, so a scan of one conversation's events is fine.
     * A store may return events that do not mention it (the core checks each), never fewer than match. The
     * default fails: a store that can't find them would serve a deleted message's text again.
     *
     * @param types   event type names, not empty
     * @param mention a string the payload must contain, not empty
     */
    default List<EventRecord> conversationEvents(ConversationId id, Set<String> types, String mention) {
        throw new UnsupportedOperationException(getClass().getName() + " can't find the events of a conversation");
    }

    /**
     * Replaces the payloads of logged events, by position, in this unit of work, and the payload copies of their
     * webhook deliveries not yet delivered (pending or dead), so that what is replayed or retried afterwards says
     * what the core wrote. Type, time and position stay; positions no longer in the log are skipped. The default
     * fails.
     *
     * @param payloads the new payload of each position, never {@code null} values
     */
    default void rewriteEventPayloads(Map<Long, String> payloads) {
        throw new UnsupportedOperationException(getClass().getName() + " can't rewrite logged events");
    }

    /**
     * Erases the logged events of a conversation (its client account is being deleted) in this unit of work:
     * each keeps its position and time but takes {@code type} and {@code payload} and no longer names the
     * conversation, and their webhook deliveries not yet delivered (pending or dead) are deleted. Positions stay
     * because the relay would wait on a missing position as on one not yet committed. The default fails.
     *
     * @param type    the type name an erased event takes (one the core skips)
     * @param payload the payload an erased event takes
     */
    default void eraseConversationEvents(ConversationId id, String type, String payload) {
        throw new UnsupportedOperationException(getClass().getName() + " can't erase the events of a conversation");
    }
}
