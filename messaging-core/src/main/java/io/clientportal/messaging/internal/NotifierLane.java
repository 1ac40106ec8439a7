package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.MessagingNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One notifier's share of the relay's output: its own bounded buffer and {@link DeliveryLane}, so it gets every
 * event in log order, one at a time, and a slow notifier delays neither the relay nor other notifiers. A notifier
 * that falls a whole buffer behind loses what does not fit (counted and logged) rather than holding up the node.
 */
final class NotifierLane {

    private static final Logger log = LoggerFactory.getLogger(NotifierLane.class);
    /** The most events one turn hands on before the lane lets other lanes have the thread. */
    private static final int TURN = 256;

    private final MessagingNotifier notifier;
    private final EventBuffer<MessagingEvent> buffer;
    private final DeliveryLane lane;
    private final AtomicLong dropped = new AtomicLong();

    NotifierLane(MessagingNotifier notifier, Executor executor, int capacity) {
        this.notifier = notifier;
        this.buffer = new EventBuffer<>(capacity);
        this.lane = new DeliveryLane(executor, this::step, e -> log.warn("Notifier {} could not be scheduled: {}",
                notifier.getClass().getName(), e.toString()));
    }

    /** Hands an event on (the relay's thread); never blocks. */
    void offer(MessagingEvent event) {
        if (!buffer.offer(event)) {
            if (dropped.getAndIncrement() == 0) {
                log.warn("Notifier {} fell {} events behind; dropping events until it catches up",
                        notifier.getClass().getName(), buffer.capacity());
            }
            return;
        }
        lane.signal();
    }

    private boolean step() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("Notifier {} missed {} events while it was behind", notifier.getClass().getName(), lost);
        }
        for (int i = 0; i < TURN; i++) {
            MessagingEvent event = buffer.poll();
            if (event == null) {
                return false;
            }
            try {
                notifier.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("Notifier {} failed on event {}", notifier.getClass().getName(), event.eventId(), e);
            }
        }
        return !buffer.isEmpty();
    }
}
