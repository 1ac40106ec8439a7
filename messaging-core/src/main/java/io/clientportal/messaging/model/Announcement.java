package io.clientportal.messaging.model;

import java.time.Instant;

/**
 * An announcement and its delivery progress.
 *
 * @param id             the announcement's id
 * @param text           the text
 * @param highlighted    whether its messages are highlighted
 * @param status         where delivery stands
 * @param targetCount    how many conversations it targets
 * @param deliveredCount how many conversations it has been delivered to
 * @param readCount      how many targeted conversations have read it (a client user's horizon passed it)
 * @param createdAt      when it was sent
 */
public record Announcement(AnnouncementId id, String text, boolean highlighted, Status status, int targetCount,
                           int deliveredCount, int readCount, Instant createdAt) {

    /** Where delivery stands. */
    public enum Status {
        /** Accepted; delivery has not started. */
        QUEUED,
        /** Delivery is under way. */
        SENDING,
        /** Delivered to every target. */
        DELIVERED,
        /** Delivery stopped after repeated failures. */
        FAILED
    }
}
