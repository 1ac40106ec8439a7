package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.MessageFilter;

/**
 * What unread means, said once for every store: the messages after the reader's horizon that others wrote and that
 * are not deleted. (Posting moves the poster's horizon to their message, so their own never count anyway; leaving
 * them out keeps a message of theirs that someone else's read did not cover from counting.)
 */
final class Unread {

    /** The filter every unread count and unread inbox asks the store for. */
    static final MessageFilter MESSAGES = new MessageFilter(true, true);

    private Unread() {
    }
}
