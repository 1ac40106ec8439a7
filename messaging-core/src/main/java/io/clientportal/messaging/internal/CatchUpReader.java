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
        List<EventRecord> read = log.after(from, limit);
        int n = 0;
        while (n < read.size() && read.get(n).position() <= upTo) {
            n++;
        }
        boolean reached = read.size() < limit || n < read.size() || read.get(n - 1).position() == upTo;
        List<EventRecord> batch = read.subList(0, n);
        long end = reached ? upTo : batch.get(n - 1).position();
        List<MessagingEvent> events = decoder.decodeAll(batch);
        Lookahead lookahead = lookaheads.load(batch, events, List.of(subscription));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            seen.add(batch.get(i).position());
            if (events.get(i) != null) {
                lookahead.at(i);
                subscription.offer(events.get(i), batch.get(i).position(), lookahead);
            }
        }
        subscription.advanceTo(end);
        for (long p : watched.headSet(end, true)) {
            if (!seen.contains(p)) {
                subscription.await(p);
            }
        }
        return reached;
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
