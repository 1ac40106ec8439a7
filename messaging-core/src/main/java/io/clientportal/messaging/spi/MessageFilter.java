package io.clientportal.messaging.spi;

/**
 * Which of the messages after a reader's read horizon a count counts. The core decides what counts as unread and
 * says it with a filter; stores keep the counts of the filters named here ({@link ReadStateRows}) and never decide
 * them themselves.
 *
 * @param excludeDeleted whether deleted messages are left out
 * @param excludeOwn     whether the reader's own messages are left out
 */
public record MessageFilter(boolean excludeDeleted, boolean excludeOwn) {

    /** Others' messages that are not deleted: the count stores keep (the core's unread). */
    public static final MessageFilter UNREAD = new MessageFilter(true, true);

    /**
     * The filter, if a store keeps its counts.
     *
     * @throws IllegalArgumentException for a filter whose counts are not kept
     */
    public static MessageFilter requireKept(MessageFilter filter) {
        if (!UNREAD.equals(filter)) {
            throw new IllegalArgumentException("counts are kept for MessageFilter.UNREAD only, not " + filter);
        }
        return filter;
    }
}
