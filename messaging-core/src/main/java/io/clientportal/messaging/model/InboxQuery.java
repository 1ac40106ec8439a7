package io.clientportal.messaging.model;

/**
 * Which page of an inbox to read: conversations by newest activity first.
 *
 * @param limit      the page size
 * @param onlyUnread only conversations with unread messages
 * @param cursor     the {@link Page#nextCursor()} of the previous page, or {@code null} for the first page
 * @param onlyMentioningMe only conversations where the reader (a team member) has unread mentions
 */
public record InboxQuery(int limit, boolean onlyUnread, String cursor, boolean onlyMentioningMe) {

    /** A query without the mentions filter, as before it existed. */
    public InboxQuery(int limit, boolean onlyUnread, String cursor) {
        this(limit, onlyUnread, cursor, false);
    }

    /** The first page. */
    public static InboxQuery first(int limit) {
        return new InboxQuery(limit, false, null);
    }

    /** This query restricted to conversations with unread messages. */
    public InboxQuery unreadOnly() {
        return new InboxQuery(limit, true, cursor, onlyMentioningMe);
    }

    /** This query restricted to conversations where the reader has unread mentions (none for a client user). */
    public InboxQuery mentioningMe() {
        return new InboxQuery(limit, onlyUnread, cursor, true);
    }

    /** This query continuing after the given cursor. */
    public InboxQuery after(String cursor) {
        return new InboxQuery(limit, onlyUnread, cursor, onlyMentioningMe);
    }
}
