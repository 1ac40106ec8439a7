package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessageDeleted;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.MessageFilter;
import io.clientportal.messaging.spi.MessageRow;

/**
 * Internal notes, said once: who sees them and how the clients' view of a conversation is made. A note is the team's;
 * a client user never learns it exists, so a client sees the clients' view everywhere: only messages that are not
 * internal, numbered by their {@linkplain MessageRow#clientSeq client seq} (gap-free, so no gap tells of a note),
 * and a conversation's last seq and last message time among those. Every path that shows messages, counts or events
 * to an actor (history, inbox, unread, events, attachments, and search, notifications and exports) asks here.
 */
public final class Notes {

    private Notes() {
    }

    /**
     * Whether the actor sees the clients' view: client seqs, no notes. The team (whoever the policy lets see the
     * conversation) sees the timeline with its notes, in team seqs.
     */
    public static boolean clientView(Actor actor) {
        return !actor.isTeamMember();
    }

    /**
     * Whether an actor who may see a message's conversation may see the message: the one predicate for every read
     * path (a note only for the team).
     */
    public static boolean maySee(Actor actor, MessageRow message) {
        return maySee(actor, message.internal());
    }

    /** {@link #maySee(Actor, MessageRow)} for a message known by whether it is internal. */
    public static boolean maySee(Actor actor, boolean internal) {
        return !internal || !clientView(actor);
    }

    /** The count an actor's unread asks for: the team's counts notes, a client's counts only what it sees. */
    static MessageFilter unread(Actor actor) {
        return clientView(actor) ? MessageFilter.CLIENT_UNREAD : MessageFilter.UNREAD;
    }

    /**
     * Whether an event the actor may see as an event of its conversation may reach the actor: a note's events never
     * reach a client, nor does a team member's read whose horizon is at a note (in the clients' view it would not
     * have moved) or whose reads are not told to clients (a watcher's, a read-only agent's).
     */
    static boolean mayReceive(Actor actor, MessagingEvent event) {
        return !clientView(actor) || reachesClients(event);
    }

    /** Whether an event may reach a client at all: not a note's, nor a team member's read at a note. */
    static boolean reachesClients(MessagingEvent event) {
        if (event instanceof MessagePosted posted) {
            return !posted.message().internal();
        }
        if (event instanceof MessageEdited edited) {
            return !edited.message().internal();
        }
        if (event instanceof MessageDeleted deleted) {
            return !deleted.internal();
        }
        if (event instanceof ConversationRead read) {
            // A team member's read reaches clients only when it is at a message they see and the member's reads
            // are told to clients (clientSeq > 0: see MessageService#markRead).
            return read.reader() == null || !read.reader().isTeamMember() || read.clientSeq() > 0;
        }
        return true;
    }

    /** The event as the actor receives it: for a client, its seqs in the clients' view. */
    static MessagingEvent forActor(Actor actor, MessagingEvent event) {
        if (!clientView(actor)) {
            return event;
        }
        if (event instanceof MessagePosted p) {
            long seq = clientSeq(p.clientSeq(), p.message().seq());
            return new MessagePosted(p.eventId(), p.tenantId(), p.conversationId(), p.at(), p.message().withSeq(seq),
                    seq);
        }
        if (event instanceof MessageEdited e) {
            long seq = clientSeq(e.clientSeq(), e.message().seq());
            return new MessageEdited(e.eventId(), e.tenantId(), e.conversationId(), e.at(), e.message().withSeq(seq),
                    seq);
        }
        if (event instanceof MessageDeleted d) {
            long seq = clientSeq(d.clientSeq(), d.seq());
            return new MessageDeleted(d.eventId(), d.tenantId(), d.conversationId(), d.at(), d.messageId(), seq,
                    false, seq);
        }
        if (event instanceof ConversationRead r) {
            long seq = clientSeq(r.clientSeq(), r.seq());
            // A client is told the team read, never which member (as read receipts tell it).
            Actor reader = r.reader() != null && r.reader().isTeamMember() ? null : r.reader();
            return new ConversationRead(r.eventId(), r.tenantId(), r.conversationId(), r.at(), reader, seq, seq);
        }
        return event;
    }

    /** An event's client seq; events logged before notes existed have none, and there the seq is the client's. */
    private static long clientSeq(long clientSeq, long seq) {
        return clientSeq > 0 ? clientSeq : seq;
    }
}
