package io.clientportal.messaging.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that follows real time plus an offset the test can move forward (edit windows, expiry). */
public final class MutableClock extends Clock {

    private final AtomicLong offsetNanos = new AtomicLong();

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        offsetNanos.addAndGet(duration.toNanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos.get());
    }
}
