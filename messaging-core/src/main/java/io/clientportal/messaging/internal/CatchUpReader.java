package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;

import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;

/**
 * Catches a subscriber up from its cursor to where the relay stands, one batch at a time, so that it can then join
 * the live feed ({@link FanOut}) without losing or repeating an event: the relay hands on only what is after its own
 * position, and the reader only what is up to it. Positions the relay skipped as gaps in that range are awaited by
 * the subscriber, so one that commits late still reaches it.
 */
final class CatchUpReader {

    private final EventLog log;
    private final GapTracker gaps;
    private final EventDecoder decoder;
    private final LookaheadLoader lookaheads;

    CatchUpReader(EventLog log, GapTracker gaps, EventDecoder decoder, LookaheadLoader lookaheads) {
        this.log = log;
        this.gaps = gaps;
        this.decoder = decoder;
        this.lookaheads = lookaheads;
    }

    /**
     * Offers the subscriber the next batch of the log after its cursor, up to where the relay stands, and makes it
     * await the positions in that range that the relay skipped and still watches. Called by whoever owns the
     * subscriber: its lane while it catches up, the relay thread when it admits it. Reads no more than half the room
     * left in the subscriber's buffer, so a paced listener is never cut off.
     *
     * @return whether the subscriber reached the relay's position
     */
    boolean catchUp(SubscriptionImpl subscription) {
        long upTo = gaps.position();
        long from = subscription.cursor();
        if (from >= upTo || !subscription.isActive()) {
            return true;
        }
        // Read before the log: a position skipped by then and committed after the read is awaited, not lost.
        NavigableSet<Long> watched = gaps.watchedIn(from, upTo);
        int limit = Math.max(1, Math.min(EventLog.BATCH, subscription.room() / 2));
        List<EventRecord> found = log.after(from, limit);
        int n = 0;
        while (n < found.size() && found.get(n).position() <= upTo) {
            n++;
        }
        boolean reached = found.size() < limit || n < found.size() || found.get(n - 1).position() == upTo;
        List<EventRecord> batch = found.subList(0, n);
        long end = reached ? upTo : batch.get(n - 1).position();
        List<MessagingEvent> events = decoder.decodeAll(batch);
        Lookahead lookahead = lookaheads.load(batch, events, LookaheadLoader.Targets.of(subscription));
        Set<Long> read = new HashSet<>();
        batch.forEach(record -> read.add(record.position()));
        watched.removeAll(read);
        for (int i = 0; i < n; i++) {
            long position = batch.get(i).position();
            // Awaited before the events after them are offered, so those events' ids carry them.
            awaitBelow(subscription, watched, position);
            if (events.get(i) != null) {
                lookahead.at(i);
                subscription.offer(events.get(i), position, lookahead);
            }
        }
        subscription.advanceTo(end);
        awaitBelow(subscription, watched, end + 1);
        return reached;
    }

    /** Makes the subscriber await the watched positions below {@code position} (taking them from the set). */
    private static void awaitBelow(SubscriptionImpl subscription, NavigableSet<Long> watched, long position) {
        while (!watched.isEmpty() && watched.first() < position) {
            subscription.await(watched.pollFirst());
        }
    }

    /**
     * Delivers the positions a subscriber awaited that have committed since (the relay thread, as it admits it), and
     * stops awaiting those the relay will never hand on (it passed them and no longer watches them).
     */
    void deliverAwaited(SubscriptionImpl subscription) {
        if (subscription.awaited().isEmpty()) {
            return;
        }
        for (EventRecord record : log.at(List.copyOf(subscription.awaited()))) {
            MessagingEvent event = decoder.decode(record);
            if (event != null) {
                subscription.offer(event, record.position(), LookaheadLoader.single(event));
            }
            subscription.awaited().remove(record.position());
        }
        long position = gaps.position();
        subscription.awaited().removeIf(p -> p <= position && !gaps.watches(p));
    }
}
