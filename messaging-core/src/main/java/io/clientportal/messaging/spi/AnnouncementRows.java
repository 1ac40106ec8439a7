package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;

import java.util.List;
import java.util.Optional;

/**
 * Announcements, their targets and their delivery, in one unit of work. Arguments are never {@code null} unless
 * documented; returned lists are never {@code null}.
 */
public interface AnnouncementRows {

    /** Inserts an announcement (it has no targets yet). */
    void insert(AnnouncementRow announcement);

    /** The announcement, or empty. */
    Optional<AnnouncementRow> find(AnnouncementId id);

    /**
     * The announcement, as {@link #find} answers, with its row locked until this unit of work ends: another unit
     * that locks the same announcement waits until this one ends, and then reads what this one wrote. Delivery locks
     * the announcement first in every unit that changes its progress or lease, so that two nodes never interleave
     * chunks and progress is never written from a stale read.
     */
    Optional<AnnouncementRow> lock(AnnouncementId id);

    /** Stores the target count, status, delivered count, cursor and lease of an announcement. */
    void update(AnnouncementRow announcement);

    /** Records target conversations of an announcement; an id listed twice is recorded once. */
    void addTargets(AnnouncementId id, List<ConversationId> conversationIds);

    /**
     * Records every conversation of the tenant as a target (set-based); returns how many. Called once, in the unit
     * of work that inserted the announcement, which has no targets yet.
     */
    int addAllConversationsAsTargets(AnnouncementId id);

    /** Target conversations with an id greater than {@code after} ({@code null}: from the first), ascending by id. */
    List<ConversationId> targets(AnnouncementId id, ConversationId after, int limit);

    /**
     * Delivers one chunk: into each listed conversation that exists and holds no message of the chunk's
     * announcement yet, inserts a copy of the chunk's message with the listed id, the conversation's next seq
     * (taken as {@link ConversationRows#takeSeq} takes it, at {@link AnnouncementChunk#at()}) and, as its creation
     * time, the conversation's new {@code lastMessageAt}, counting each copy as countable as {@code takeSeq} does
     * (its participants' participant totals included).
     * Conversations that already hold one are skipped, so a resumed chunk writes no duplicates.
     *
     * @return the copies written, ascending by conversation id, with their attachments left empty
     */
    List<MessageRow> deliver(AnnouncementChunk chunk);

    /**
     * How many of the announcement's messages have been read by some reader of {@code readerKind}: a message counts
     * when a horizon of such a reader in its conversation reached its seq.
     */
    int readCount(AnnouncementId id, Actor.Kind readerKind);

    /** Whether one of the announcement's messages is in a conversation the team member is a participant of. */
    boolean deliveredToParticipant(AnnouncementId id, String teamMemberId);
}
