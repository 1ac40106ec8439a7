package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.util.Collection;
import java.util.List;

/**
 * Read horizons (the highest seq a reader has read in a conversation, 0 when none is stored), the counts kept
 * beside them, and the counts and inbox pages read from those, in one unit of work.
 *
 * <p>The counts are kept as rows are written, so that reading them costs the same in a tenant of a thousand
 * conversations as in one of a million. What each means is fixed here; how the core's calls keep it true is said
 * by each method:
 * <ul>
 *   <li>a conversation's <em>countable</em>: its messages that are not deleted;</li>
 *   <li>a horizon's <em>read count</em>: the conversation's messages that are not deleted and that the reader has
 *       read or wrote (at or below the horizon, or by the reader); a reader without a stored horizon has none;</li>
 *   <li>the tenant's countable: the sum of its conversations' countable;</li>
 *   <li>a reader's <em>kept total</em>, for the readers the core asks it for: the sum of their read counts.</li>
 * </ul>
 * A reader's count in a conversation is then its countable minus their read count: the messages of
 * {@link MessageFilter#UNREAD}. Every write of them holds the conversation's lock ({@link ConversationRows#takeSeq}
 * takes it), so that they never miss a concurrent change of the same conversation.
 *
 * <p>Internal notes are the team's. A client user's horizon is kept in the clients' view: its seq is a clientSeq
 * ({@link MessageRow#clientSeq}) and its read count counts only messages that are not internal. Beside the countable,
 * a conversation keeps a <em>client countable</em>: its messages that are neither deleted nor internal. A client
 * user's count is the client countable minus their read count: {@link MessageFilter#CLIENT_UNREAD}. (The core asks
 * {@code CLIENT_UNREAD} for client users only, {@code UNREAD} for team members only.)
 */
public interface ReadStateRows {

    /**
     * Moves a reader's horizon to {@code seq} if that is higher than the stored one, and sets their read count to
     * what it means at the new horizon; with {@code keepTotal}, adds the change to their kept total. Locks the
     * conversation first (unless this unit holds its lock already): of two concurrent calls the higher wins, and a
     * concurrent delete or post is either wholly before or wholly after it.
     *
     * @param seq       at most the conversation's last seq (the core caps it)
     * @param keepTotal whether the reader's total is kept (the core asks the same for a reader every time)
     * @return whether it moved
     */
    boolean advanceHorizon(ConversationId id, Actor reader, long seq, boolean keepTotal);

    /**
     * Takes a message that was just deleted out of the counts: the conversation's and the tenant's countable, and
     * the read count (and kept total) of every reader whose horizon reaches {@code seq}, and of its author. Locks the
     * conversation before it changes a horizon.
     *
     * @param seq    the deleted message's seq
     * @param author the deleted message's author
     */
    void uncount(ConversationId id, long seq, Actor author);

    /**
     * {@link #uncount(ConversationId, long, Actor)} for a message that may be an internal note: a note leaves the
     * countable (and team horizons' read counts) only; a message that is not internal leaves the client countable
     * too, and the read counts of client horizons that reach its {@code clientSeq}. The default serves a store
     * without notes.
     *
     * @param message the deleted message as it was read before the delete
     */
    default void uncount(MessageRow message) {
        if (message.internal()) {
            throw new UnsupportedOperationException(getClass().getName() + " does not store internal notes");
        }
        uncount(message.conversationId(), message.seq(), message.author());
    }

    /**
     * Each listed conversation just got one message by {@code author} that their horizon does not reach (an
     * announcement's copy): counts it in their read count there, as their own message (storing a horizon of 0
     * where they have none), and, with {@code keepTotal}, in their kept total. Called in the unit that wrote the
     * messages, which holds the conversations' locks.
     */
    void countOwn(Actor author, Collection<ConversationId> ids, boolean keepTotal);

    /**
     * Counts, over the conversations of {@code scope}, the messages of {@code filter} for {@code reader}, from the
     * kept counts: for {@link ConversationScope#all()} the tenant's countable minus the reader's kept total (asked
     * only for readers whose total is kept), a fixed cost whatever the tenant's size; else the sum over the scope's
     * conversations.
     *
     * @param filter {@link MessageFilter#UNREAD} or {@link MessageFilter#CLIENT_UNREAD}, the filters whose counts
     *               are kept
     */
    long count(Actor reader, ConversationScope scope, MessageFilter filter);

    /**
     * The horizons stored for one conversation that are above 0 (a horizon of 0, stored for an announcement's author,
     * has read nothing), each with the message it is at in both views: one query, whatever the tenant's size. The
     * default throws {@link UnsupportedOperationException} for stores that predate it.
     */
    default List<ReadHorizonRow> horizons(ConversationId id) {
        throw new UnsupportedOperationException(getClass().getName() + " does not list read horizons");
    }

    /**
     * One inbox page, as the request says, in one round trip where the store can; never {@code null}. Each row's
     * count is read from the kept counts. A page of all conversations costs the page (the activity index, walked
     * until the page is full); a page of counted ones walks conversations in activity order until it has found
     * enough, so its worst case is a scope with fewer counted conversations than the page holds.
     */
    List<InboxRow> inbox(InboxRequest request);
}
