package io.clientportal.messaging.model;

/**
 * Which page of a conversation's history to read. Items always come ascending by seq.
 *
 * @param beforeSeq only messages with a smaller seq, or {@code null}
 * @param afterSeq  only messages with a greater seq, or {@code null}
 * @param limit     the page size
 */
public record HistoryQuery(Long beforeSeq, Long afterSeq, int limit) {

    /** The newest {@code limit} messages. */
    public static HistoryQuery latest(int limit) {
        return new HistoryQuery(null, null, limit);
    }

    /** The {@code limit} messages just before {@code seq} (scrolling up). */
    public static HistoryQuery before(long seq, int limit) {
        return new HistoryQuery(seq, null, limit);
    }

    /** The {@code limit} messages just after {@code seq} (catching up). */
    public static HistoryQuery after(long seq, int limit) {
        return new HistoryQuery(null, seq, limit);
    }
}
