package io.clientportal.messaging.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The model-based test's clock: it stands still but for one microsecond per reading (so that what happens later
 * is stamped later) and the whole minutes the test moves it by. The model then knows, to the minute, how old a
 * message is when someone edits it, however slowly the machine runs.
 */
final class SteppingClock extends Clock {

    private final Instant start;
    private final AtomicLong minutes = new AtomicLong();
    private final AtomicLong micros = new AtomicLong();

    SteppingClock(Instant start) {
        this.start = start;
    }

    /** Moves the clock forward by whole minutes. */
    void advanceMinutes(long count) {
        minutes.addAndGet(count);
    }

    @Override
    public Instant instant() {
        return start.plus(Duration.ofMinutes(minutes.get())).plusNanos(micros.incrementAndGet() * 1_000);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
