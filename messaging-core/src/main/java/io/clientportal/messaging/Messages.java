package io.clientportal.messaging;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.PostResult;
import io.clientportal.messaging.model.ReadReceipt;

import java.util.List;

/** Posting, history, edits, deletes and read state. */
public interface Messages {

    /**
     * Posts a message. The server assigns its seq; the poster's read horizon moves to it. Posting again with the
     * same {@link NewMessage#clientMessageId()} returns the same message and stores nothing new.
     *
     * @throws ConflictException (field {@code clientMessageId}) when the key was already used for another text or
     *                           other attachments
     */
    Message post(Actor actor, ConversationId id, NewMessage message);

    /**
     * Posts as {@link #post} does and tells whether this call created the message or answered a retry: of any
     * number of calls with one {@link NewMessage#clientMessageId()}, concurrent ones included, on any node,
     * exactly one is {@linkplain PostResult#created() created}. Calls without a key always create.
     *
     * @throws ConflictException (field {@code clientMessageId}) when the key was already used for another text or
     *                           other attachments (unless that message was deleted since, or edited, which
     *                           leaves no text to compare: then it is the answer)
     */
    PostResult postIdempotent(Actor actor, ConversationId id, NewMessage message);

    /** A page of history, items ascending by seq; {@link Page#nextCursor()} is the seq to page before. */
    Page<Message> history(Actor actor, ConversationId id, HistoryQuery query);

    /** One message of a conversation the actor may see (a tombstone if it was deleted). */
    Message get(Actor actor, MessageId id);

    /** Edits the actor's own message within the edit window (owners, admins and managers: any time). */
    Message edit(Actor actor, MessageId id, String newText);

    /** Deletes a message, leaving a tombstone; its seq is kept. */
    void delete(Actor actor, MessageId id);

    /** Moves the actor's read horizon to {@code seq}; it only moves forward, and never past the last message. */
    void markRead(Actor actor, ConversationId id, long seq);

    /**
     * Who has read how far in a conversation the actor may see, furthest first; readers who have read nothing are
     * left out, and so are those the directory no longer knows. A team member is told every reader: client users and
     * team members, by name, in team seqs. A client user is told the client users of their own account by name, in
     * client seqs, and the team as one reader ({@link ReadReceipt.Reader#TEAM}, named by
     * {@link MessagingBuilder#teamDisplayName}) at the furthest client seq read by a team member who may post a
     * message clients see there (by the default policy owners, admins, managers and agents with WRITE): a watcher's
     * or read-only agent's read is never told to clients, and a member's read up to an internal note counts as the
     * message before it. The live feed's {@link io.clientportal.messaging.event.ConversationRead} follows the same
     * rule. Reads the read horizons of the one conversation, whatever the tenant's size.
     *
     * @throws NotFoundException when the conversation does not exist or the actor may not see it
     */
    List<ReadReceipt> readReceipts(Actor actor, ConversationId id);

    /** Unread messages over every conversation the actor sees. */
    long unreadTotal(Actor actor);

    /**
     * The actor's unread mentions over every conversation they see: mentions of them in messages after their read
     * horizon that are not deleted (0 for a client user, who can't be mentioned).
     */
    long mentionTotal(Actor actor);
}
