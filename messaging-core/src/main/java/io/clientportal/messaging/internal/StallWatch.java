package io.clientportal.messaging.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells whether a listener is stuck: it has been inside one call for longer than the limit. A listener that keeps
 * returning is never stalled, however much it is given; one that never returns (a client that stopped reading its
 * socket) is, even when nothing piles up behind it (a paced catch-up reads no more while it waits).
 */
final class StallWatch {

    private final LongSupplier nanoTime;
    private final long limitNanos;
    /** When the call in progress started (nanoTime); {@code 0} when none is. */
    private volatile long busySince;

    StallWatch(LongSupplier nanoTime, Duration limit) {
        this.nanoTime = nanoTime;
        this.limitNanos = limit.toNanos();
    }

    /** A call starts (the consumer's thread). */
    void enter() {
        long now = nanoTime.getAsLong();
        busySince = now == 0 ? 1 : now;
    }

    /** The call returned (the consumer's thread). */
    void exit() {
        busySince = 0;
    }

    /** Whether the call in progress has run longer than the limit (any thread). */
    boolean stalled() {
        long since = busySince;
        return since != 0 && nanoTime.getAsLong() - since > limitNanos;
    }
}
