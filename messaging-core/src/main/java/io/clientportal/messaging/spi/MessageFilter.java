package io.clientportal.messaging.spi;

/**
 * Which of the messages after a reader's read horizon a count counts. The core decides what counts as unread and
 * says it with a filter; stores keep the counts of the filters named here ({@link ReadStateRows}) and never decide
 * them themselves.
 *
 * @param excludeDeleted  whether deleted messages are left out
 * @param excludeOwn      whether the reader's own messages are left out
 * @param excludeInternal whether internal notes are left out (a client's view: horizons and seqs are then the
 *                        clients' own, {@link MessageRow#clientSeq})
 */
public record MessageFilter(boolean excludeDeleted, boolean excludeOwn, boolean excludeInternal) {

    /** Others' messages that are not deleted, notes included: the team's unread (a count stores keep). */
    public static final MessageFilter UNREAD = new MessageFilter(true, true, false);

    /** Others' messages that are neither deleted nor internal notes: a client's unread (a count stores keep). */
    public static final MessageFilter CLIENT_UNREAD = new MessageFilter(true, true, true);

    /** A filter that keeps internal notes (the record as it was before notes). */
    public MessageFilter(boolean excludeDeleted, boolean excludeOwn) {
        this(excludeDeleted, excludeOwn, false);
    }

    /**
     * The filter, if a store keeps its counts.
     *
     * @throws IllegalArgumentException for a filter whose counts are not kept
     */
    public static MessageFilter requireKept(MessageFilter filter) {
        if (!UNREAD.equals(filter) && !CLIENT_UNREAD.equals(filter)) {
            throw new IllegalArgumentException("counts are kept for MessageFilter.UNREAD and CLIENT_UNREAD only, not "
                    + filter);
        }
        return filter;
    }
}
