package io.clientportal.messaging.model;

/**
 * A full-text search over the messages an actor may see, newest first.
 *
 * <p>The text is a few words (trimmed, 1 to {@value #MAX_TEXT_LENGTH} characters). A message matches when every
 * word of the query is a whole word or the start of a word of its text, case-insensitively: words are the runs of
 * letters and digits, everything else (punctuation, operators, {@code %} and {@code _}) only separates them and is
 * never a wildcard. A text holding {@code <}, {@code >} or {@code \} (markup and escapes, which no word search
 * needs) or control characters is refused.
 *
 * @param text         the words to find, never {@code null}
 * @param conversation only this conversation's messages, or {@code null} for every conversation the actor may see
 * @param limit        the page size
 * @param cursor       the {@link Page#nextCursor()} of the previous page, or {@code null} for the first page
 */
public record SearchQuery(String text, ConversationId conversation, int limit, String cursor) {

    /** The longest query text, in characters (after trimming). */
    public static final int MAX_TEXT_LENGTH = 200;

    /** The first page of matches of {@code text} in every conversation the actor may see. */
    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, null, limit, null);
    }

    /** This query restricted to one conversation. */
    public SearchQuery in(ConversationId conversation) {
        return new SearchQuery(text, conversation, limit, cursor);
    }

    /** This query continuing after the given cursor. */
    public SearchQuery after(String cursor) {
        return new SearchQuery(text, conversation, limit, cursor);
    }
}
