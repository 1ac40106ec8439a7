package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.EventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * The relay's place in the log, and the positions missing below it.
 *
 * <p>Positions may commit out of order (see {@link io.clientportal.messaging.spi.MessagingStore#eventsAfter}). When
 * the log shows a position while a lower one is missing, everything from the gap on is held back until the missing
 * position commits or {@code gapTimeout} passes (its unit of work may have rolled back, and then it never appears).
 * After the wait the relay goes on, and the skipped positions are watched for {@code lateWindow}: one that commits
 * late is found by {@link #checkLate()} and delivered late rather than never.
 *
 * <p>Time comes from the given nanosecond clock only. The relay's thread moves the position and reads the log
 * through this tracker; catching-up subscribers read {@link #position()} and the watched positions from their lanes.
 */
final class GapTracker {

    private static final Logger log = LoggerFactory.getLogger(GapTracker.class);
    /** How long a skipped position is watched for a late commit. */
    static final Duration LATE_WINDOW = Duration.ofMinutes(5);
    /** How often skipped positions are looked up, at most. */
    static final Duration LATE_CHECK = Duration.ofMillis(200);
    /** How often the relay looks again while it waits for a gap to fill. */
    static final Duration GAP_RECHECK = Duration.ofMillis(20);
    /** The most skipped positions watched at once; beyond, the oldest are given up. */
    static final int MAX_SKIPPED = 10_000;
    /** How far below the log's end a starting relay looks for positions that may still commit. */
    static final int STARTUP_SCAN = 1_000;

    /**
     * One read of the log after the position.
     *
     * @param ready      the events that follow the position without a gap, in order
     * @param afterGap   the position of the first event beyond a gap, or 0 when the read showed none
     * @param full       whether the read was a full batch (more may follow)
     */
    record Read(List<EventRecord> ready, long afterGap, boolean full) {

        boolean atGap() {
            return afterGap > 0;
        }
    }

    /**
     * What a look for late commits found.
     *
     * @param forgotten positions no longer watched (given up)
     * @param committed the skipped positions' events that committed since, ascending
     */
    record LateCommits(List<Long> forgotten, List<EventRecord> committed) {
        static final LateCommits NONE = new LateCommits(List.of(), List.of());
    }

    /**
     * Positions the relay went on without.
     *
     * @param skipped   the positions now watched, ascending
     * @param forgotten positions no longer watched, to make room
     */
    record Skip(List<Long> skipped, List<Long> forgotten) {
    }

    private final EventLog eventLog;
    private final LongSupplier nanoTime;
    private final long gapTimeoutNanos;
    private final long lateWindowNanos;
    private final int maxSkipped;
    /** Skipped positions: position -> when skipped (nanos). Written by the relay thread only. */
    private final ConcurrentSkipListMap<Long, Long> skipped = new ConcurrentSkipListMap<>();
    private volatile long position;
    /** The first missing position of the gap held back, or -1. */
    private long gapAt = -1;
    private long gapSince;
    private long lastLateCheck;
    private boolean checkedLate;

    GapTracker(EventLog eventLog, LongSupplier nanoTime, Duration gapTimeout) {
        this(eventLog, nanoTime, gapTimeout, LATE_WINDOW, MAX_SKIPPED);
    }

    GapTracker(EventLog eventLog, LongSupplier nanoTime, Duration gapTimeout, Duration lateWindow, int maxSkipped) {
        this.eventLog = eventLog;
        this.nanoTime = nanoTime;
        this.gapTimeoutNanos = gapTimeout.toNanos();
        this.lateWindowNanos = lateWindow.toNanos();
        this.maxSkipped = maxSkipped;
    }

    /**
     * Starts at the log's end. Positions just below it that are missing may belong to units of work still open:
     * they are watched as if skipped.
     */
    void start() {
        long last = eventLog.last();
        position = last;
        if (last <= 1) {
            return;
        }
        long from = Math.max(last - STARTUP_SCAN, Math.max(eventLog.first(), 1) - 1);
        Set<Long> present = new HashSet<>();
        for (EventRecord record : eventLog.after(from, STARTUP_SCAN + 1)) {
            present.add(record.position());
        }
        long now = nanoTime.getAsLong();
        for (long p = from + 1; p < last; p++) {
            if (!present.contains(p)) {
                skipped.put(p, now);
            }
        }
    }

    /** The position up to which every event was handed on (or skipped as a gap). */
    long position() {
        return position;
    }

    /** Reads the next batch after the position; a gap it shows starts being timed. */
    Read read() {
        List<EventRecord> batch = eventLog.after(position, EventLog.BATCH);
        long expected = position + 1;
        for (int i = 0; i < batch.size(); i++) {
            long p = batch.get(i).position();
            if (p != expected) {
                if (gapAt != expected) {
                    gapAt = expected;
                    gapSince = nanoTime.getAsLong();
                }
                return new Read(batch.subList(0, i), p, batch.size() == EventLog.BATCH);
            }
            expected = p + 1;
        }
        gapAt = -1;
        return new Read(batch, 0, batch.size() == EventLog.BATCH);
    }

    /** The event at this position was handed on. */
    void passed(long position) {
        this.position = position;
    }

    /**
     * After a read that stopped at a gap (and its ready events were handed on): goes on past the gap once it was held
     * back for the gap timeout.
     *
     * @return the positions skipped; {@code null} while the gap is still held back
     */
    Skip skipIfTimedOut(Read read) {
        if (nanoTime.getAsLong() - gapSince < gapTimeoutNanos) {
            return null;
        }
        long from = position + 1;
        long to = read.afterGap() - 1;
        log.debug("Event positions {} to {} did not commit within the gap timeout; going on without them", from, to);
        long now = nanoTime.getAsLong();
        List<Long> added = new ArrayList<>();
        for (long p = Math.max(from, to - maxSkipped + 1); p <= to; p++) {
            skipped.put(p, now);
            added.add(p);
        }
        List<Long> forgotten = new ArrayList<>();
        while (skipped.size() > maxSkipped) {
            forgotten.add(skipped.pollFirstEntry().getKey());
        }
        position = to;
        gapAt = -1;
        return new Skip(added, forgotten);
    }

    /** Whether a gap is held back. */
    boolean holdingBack() {
        return gapAt >= 0;
    }

    /** How long the relay may wait before it looks at the log again, at most {@code pollMillis}. */
    long nextLookMillis(long pollMillis) {
        if (holdingBack()) {
            return Math.min(pollMillis, GAP_RECHECK.toMillis());
        }
        return skipped.isEmpty() ? pollMillis : Math.min(pollMillis, LATE_CHECK.toMillis());
    }

    /** The skipped positions still watched in {@code (after, upTo]}, a copy. */
    NavigableSet<Long> watchedIn(long after, long upTo) {
        return after >= upTo ? new TreeSet<>() : new TreeSet<>(skipped.subMap(after, false, upTo, true).keySet());
    }

    /** Whether a skipped position is still watched. */
    boolean watches(long position) {
        return skipped.containsKey(position);
    }

    /**
     * Gives up positions watched for longer than the late window, then looks up the others (at most every
     * {@link #LATE_CHECK}); those found committed are no longer watched.
     */
    LateCommits checkLate() {
        if (skipped.isEmpty()) {
            return LateCommits.NONE;
        }
        long now = nanoTime.getAsLong();
        if (checkedLate && now - lastLateCheck < LATE_CHECK.toNanos()) {
            return LateCommits.NONE;
        }
        checkedLate = true;
        lastLateCheck = now;
        List<Long> forgotten = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Long>> it = skipped.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Long> entry = it.next();
            if (now - entry.getValue() > lateWindowNanos) {
                it.remove();
                forgotten.add(entry.getKey());
            }
        }
        List<EventRecord> committed = new ArrayList<>();
        List<Long> watched = List.copyOf(skipped.keySet());
        for (int from = 0; from < watched.size(); from += EventLog.BATCH) {
            for (EventRecord record : eventLog.at(watched.subList(from, Math.min(watched.size(),
                    from + EventLog.BATCH)))) {
                if (skipped.remove(record.position()) != null) {
                    committed.add(record);
                }
            }
        }
        return new LateCommits(forgotten, committed);
    }
}
