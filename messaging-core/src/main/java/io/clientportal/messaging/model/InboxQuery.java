package io.clientportal.messaging.model;

/**
 * Which page of an inbox to read: conversations by newest activity first.
 *
 * <p>The team filters ({@link #assignedTo}, {@link #unassigned}, {@link #status}) are for team members only: a client
 * user who gives one is answered {@code InvalidInputException} naming it ({@code assignee}, {@code unassigned},
 * {@code status}), since the team state does not exist for them. They combine with each other and with
 * {@link #unreadOnly}.
 *
 * @param limit          the page size
 * @param onlyUnread     only conversations with unread messages
 * @param cursor         the {@link Page#nextCursor()} of the previous page, or {@code null} for the first page
 * @param assigneeId     only conversations assigned to this team member; {@code null}: whoever
 * @param onlyUnassigned only conversations assigned to nobody (never together with {@code assigneeId})
 * @param status         only conversations with this team status; {@code null}: any
 * @param onlyMentioningMe only conversations where the reader (a team member) has unread mentions
 */
public record InboxQuery(int limit, boolean onlyUnread, String cursor, String assigneeId, boolean onlyUnassigned,
                         ConversationStatus status, boolean onlyMentioningMe) {

    /** A query without team filters or the mentions filter. */
    public InboxQuery(int limit, boolean onlyUnread, String cursor) {
        this(limit, onlyUnread, cursor, null, false, null, false);
    }

    /** The first page. */
    public static InboxQuery first(int limit) {
        return new InboxQuery(limit, false, null);
    }

    /** This query restricted to conversations with unread messages. */
    public InboxQuery unreadOnly() {
        return new InboxQuery(limit, true, cursor, assigneeId, onlyUnassigned, status, onlyMentioningMe);
    }

    /** This query continuing after the given cursor. */
    public InboxQuery after(String cursor) {
        return new InboxQuery(limit, onlyUnread, cursor, assigneeId, onlyUnassigned, status, onlyMentioningMe);
    }

    /** This query restricted to conversations assigned to a team member ("assigned to me": the actor's id). */
    public InboxQuery assignedTo(String teamMemberId) {
        return new InboxQuery(limit, onlyUnread, cursor, teamMemberId, false, status, onlyMentioningMe);
    }

    /** This query restricted to conversations assigned to nobody. */
    public InboxQuery unassigned() {
        return new InboxQuery(limit, onlyUnread, cursor, null, true, status, onlyMentioningMe);
    }

    /** This query restricted to conversations with the given team status. */
    public InboxQuery status(ConversationStatus status) {
        return new InboxQuery(limit, onlyUnread, cursor, assigneeId, onlyUnassigned, status, onlyMentioningMe);
    }

    /** This query restricted to conversations where the reader has unread mentions (none for a client user). */
    public InboxQuery mentioningMe() {
        return new InboxQuery(limit, onlyUnread, cursor, assigneeId, onlyUnassigned, status, true);
    }
}
