package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.spi.MessageFilter;

/**
 * What unread means, said once for every store: the messages after the reader's horizon that others wrote and that
 * are not deleted. (Posting moves the poster's horizon to their message, so their own never count anyway; leaving
 * them out keeps a message of theirs that someone else's read did not cover from counting.)
 */
final class Unread {

    /** The filter every unread count and unread inbox asks the store for. */
    static final MessageFilter MESSAGES = MessageFilter.UNREAD;

    /**
     * Whether a reader's total over every conversation is kept: a team member's, since a role that sees every
     * conversation can be given to any of them at any time; a client user only ever sees one conversation.
     */
    static boolean keepsTotal(Actor reader) {
        return reader.isTeamMember();
    }

    private Unread() {
    }
}
