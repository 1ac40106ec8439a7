package io.clientportal.messaging.spi;

import java.time.Instant;

/**
 * The announcements of every tenant whose delivery has not finished (queued or sending).
 *
 * @param pending how many there are
 * @param oldest  when the oldest of them was sent, or {@code null} when there is none
 */
public record AnnouncementBacklog(long pending, Instant oldest) {

    /** No announcement waits. */
    public static final AnnouncementBacklog NONE = new AnnouncementBacklog(0, null);
}
