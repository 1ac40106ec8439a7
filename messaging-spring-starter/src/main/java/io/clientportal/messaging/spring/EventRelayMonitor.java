package io.clientportal.messaging.spring;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.MessagingNotifier;

import java.time.Clock;
import java.time.Instant;

/**
 * Follows the event relay's progress: the highest log position it has handed over, and when. The health indicator
 * compares it with the log's end.
 */
public final class EventRelayMonitor implements MessagingNotifier {

    private final Clock clock;
    private volatile long position;
    private volatile Instant progressedAt;
    private volatile boolean attached;

    /** @param startPosition the log's end when the engine starts: the relay begins there */
    public EventRelayMonitor(long startPosition, Clock clock) {
        this.clock = clock;
        this.position = startPosition;
        this.progressedAt = clock.instant();
    }

    @Override
    public void onEvent(MessagingEvent event) {
        try {
            long eventPosition = Long.parseLong(event.eventId());
            if (eventPosition > position) {
                position = eventPosition;
            }
        } catch (NumberFormatException ignored) {
            // not a log position: nothing to follow
        }
        progressedAt = clock.instant();
    }

    /** Marks the monitor as registered with the engine the application runs. */
    void attach() {
        attached = true;
    }

    /** Whether the monitor follows the application's engine (false when the application built its own). */
    public boolean isAttached() {
        return attached;
    }

    /** The highest position handed over (or the start position). */
    public long position() {
        return position;
    }

    /** When the relay last handed an event over (or the monitor started). */
    public Instant progressedAt() {
        return progressedAt;
    }
}
