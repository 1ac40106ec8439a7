package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Tails the event log and hands each committed event, in position order, to this node's caches (invalidation),
 * the notifiers and the subscribers. Woken in-process after each local commit and by the store's signal of other
 * nodes' commits; polls as the fallback.
 *
 * <p>Positions may commit out of order (see {@link MessagingStore#eventsAfter}). When the log shows a position
 * while a lower one is missing, the relay holds back everything from the gap on until the missing position commits
 * or {@code gapTimeout} passes (its unit of work may have rolled back, and then it never appears). After the wait
 * it goes on and keeps watching the skipped positions for a while: one that commits late is delivered late rather
 * than never, and subscribers that passed it carry it in their resume token (see {@link SubscriptionImpl}), so a
 * client that resumes anywhere gets it too.
 *
 * <p>The relay thread never waits for a consumer: it invalidates the caches itself (in memory), and hands events to
 * each notifier's and each subscriber's bounded buffer, drained on the delivery executor ({@link NotifierLane},
 * {@link SubscriptionImpl}). A subscriber that resumes from far back catches up on its own lane through
 * {@link #catchUp}, paced by its listener, and joins the live feed when it reaches the relay.
 */
final class EventRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int BATCH = 500;
    /** How long a skipped position is watched for a late commit. */
    static final Duration LATE_WINDOW = Duration.ofMinutes(5);
    /** How often skipped positions are looked up, at most. */
    private static final long LATE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * How long the relay rests after each pass: under load one read of the log then hands on every commit of that
     * moment instead of one read per commit (which kept a second core busy for each posting thread). An event
     * waits at most this much longer.
     */
    private static final long COALESCE_MILLIS = 2;
    /** How often the relay looks again while it waits for a gap to fill. */
    private static final long GAP_RECHECK_MILLIS = 20;
    /** The most skipped positions watched at once; beyond, the oldest are given up. */
    private static final int MAX_SKIPPED = 10_000;
    /** How far below the log's end a starting relay looks for positions that may still commit. */
    private static final int STARTUP_SCAN = 1_000;
    /** How often subscribers are checked for listeners stuck in one call. */
    private static final long STALL_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final MessagingStore store;
    private final EventCodec codec;
    private final AccessCache cache;
    /** Set once, before {@link #start()} (it needs the context, which needs the relay). */
    private EventVisibility visibility;
    private final List<NotifierLane> notifiers;
    private final Duration pollInterval;
    private final long gapTimeoutNanos;
    private final Runnable afterDelivery;
    private final WakeSignal signal = new WakeSignal();
    private final Queue<SubscriptionImpl> registrations = new ConcurrentLinkedQueue<>();
    private final List<SubscriptionImpl> subscribers = new ArrayList<>();
    /** Every open subscription, live or catching up: watched for stuck listeners. */
    private final Set<SubscriptionImpl> open = new CopyOnWriteArraySet<>();
    /**
     * Skipped positions: position -> when skipped (nanoTime). Written by the relay thread only; read by catch-ups
     * on delivery threads, which must await the skipped positions they pass.
     */
    private final ConcurrentSkipListMap<Long, Long> skipped = new ConcurrentSkipListMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long position;
    private long gapAt = -1;
    private long gapSince;
    private long lastLateCheck;
    private long lastStallCheck;

    EventRelay(MessagingStore store, EventCodec codec, AccessCache cache, List<MessagingNotifier> notifiers,
               Duration pollInterval, Duration gapTimeout, Runnable afterDelivery, Executor deliveryExecutor,
               int bufferSize) {
        this.store = store;
        this.codec = codec;
        this.cache = cache;
        this.notifiers = notifiers.stream().map(n -> new NotifierLane(n, deliveryExecutor, bufferSize)).toList();
        this.pollInterval = pollInterval;
        this.gapTimeoutNanos = gapTimeout.toNanos();
        this.afterDelivery = afterDelivery;
        this.thread = new Thread(this::run, "messaging-event-relay");
        this.thread.setDaemon(true);
    }

    /** What decides the subscribers' events; set once, before {@link #start()}. */
    void useVisibility(EventVisibility visibility) {
        this.visibility = visibility;
    }

    void start() {
        long last = store.lastEventPosition();
        position = last;
        watchMissingBelow(last);
        thread.start();
    }

    /** Positions just below the log's end that are missing may belong to units of work still open: watch them. */
    private void watchMissingBelow(long last) {
        if (last <= 1) {
            return;
        }
        long first = store.firstEventPosition();
        long from = Math.max(last - STARTUP_SCAN, Math.max(first, 1) - 1);
        Set<Long> present = new HashSet<>();
        for (EventRecord record : store.eventsAfter(from, STARTUP_SCAN + 1)) {
            present.add(record.position());
        }
        long now = System.nanoTime();
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

    /** Asks the relay to look at the log now (after a local commit, or a signal from another node). */
    void wake() {
        signal.wake();
    }

    /**
     * Adds a subscriber. One whose cursor is close to the relay is caught up by the relay and fed live; one further
     * behind is handed back to catch up on its own lane first.
     */
    void register(SubscriptionImpl subscription) {
        if (open.add(subscription)) {
            subscription.onClose(() -> open.remove(subscription));
        }
        registrations.add(subscription);
        wake();
    }

    /**
     * Starts a subscriber that resumes from behind the relay: it catches up on its own lane, then registers. Nothing
     * of it runs on the relay's thread.
     */
    void resume(SubscriptionImpl subscription) {
        if (subscription.cursor() >= position) {
            register(subscription);
            return;
        }
        if (open.add(subscription)) {
            subscription.onClose(() -> open.remove(subscription));
        }
        subscription.catchUp();
    }

    private void run() {
        long failures = 0;
        while (!closed) {
            awaitWake();
            try {
                admitRegistrations();
                drain();
                checkLate();
                checkStalled();
                subscribers.removeIf(subscription -> !subscription.isActive());
                failures = 0;
                pause(COALESCE_MILLIS);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                failures++;
                log.warn("Event relay could not read the log (attempt {}); retrying", failures, e);
                pause(Math.min(5_000L, 100L * failures));
            }
        }
    }

    private void awaitWake() {
        long timeout = pollInterval.toMillis();
        if (gapAt >= 0) {
            timeout = Math.min(timeout, GAP_RECHECK_MILLIS);
        } else if (!skipped.isEmpty()) {
            timeout = Math.min(timeout, TimeUnit.NANOSECONDS.toMillis(LATE_CHECK_NANOS));
        }
        if (!closed && !signal.await(timeout)) {
            closed = true;
        }
    }

    private void admitRegistrations() {
        SubscriptionImpl subscription;
        while ((subscription = registrations.poll()) != null) {
            if (!subscription.isActive()) {
                continue;
            }
            deliverAwaited(subscription);
            // Catch up from the subscriber's cursor to where the relay stands (usually a few events); live events
            // follow in order. One still further behind catches up on its own lane and comes back.
            if (catchUp(subscription)) {
                subscribers.add(subscription);
            } else {
                subscription.catchUp();
            }
        }
    }

    /**
     * Offers a subscriber the next batch of the log after its cursor, up to where the relay stands, and makes it
     * await the positions in that range that the relay skipped and still watches. Called by whoever owns the
     * subscriber: its lane while it catches up, the relay thread when it admits it.
     *
     * @return whether the subscriber reached the relay's position
     */
    boolean catchUp(SubscriptionImpl subscription) {
        long upTo = position;
        long from = subscription.cursor();
        if (from >= upTo || !subscription.isActive()) {
            return true;
        }
        // Read before the log: a position skipped by then and committed after the read is awaited, not lost.
        NavigableSet<Long> watched = new TreeSet<>(skipped.subMap(from, false, upTo, true).keySet());
        int limit = Math.max(1, Math.min(BATCH, subscription.room() / 2));
        List<EventRecord> read = store.eventsAfter(from, limit);
        int n = 0;
        while (n < read.size() && read.get(n).position() <= upTo) {
            n++;
        }
        boolean reached = read.size() < limit || n < read.size() || read.get(n - 1).position() == upTo;
        List<EventRecord> batch = read.subList(0, n);
        long end = reached ? upTo : batch.get(n - 1).position();
        List<MessagingEvent> events = decodeAll(batch);
        Lookahead lookahead = lookahead(batch, events, List.of(subscription));
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

    /** Delivers the positions a resuming subscriber still waited for that have committed since. */
    private void deliverAwaited(SubscriptionImpl subscription) {
        if (subscription.awaited().isEmpty()) {
            return;
        }
        for (EventRecord record : store.eventsAt(List.copyOf(subscription.awaited()))) {
            MessagingEvent event = decode(record);
            if (event != null) {
                Lookahead lookahead = new Lookahead(java.util.Collections.singletonList(event));
                lookahead.at(0);
                subscription.offer(event, record.position(), lookahead);
            }
            subscription.awaited().remove(record.position());
        }
        // What this relay will never hand on (it passed them and no longer watches them) is not awaited here.
        subscription.awaited().removeIf(p -> p <= position && !skipped.containsKey(p));
    }

    private void drain() {
        while (!closed) {
            List<EventRecord> batch = store.eventsAfter(position, BATCH);
            int ready = contiguousPrefix(batch);
            List<EventRecord> deliverable = batch.subList(0, ready);
            // With nobody listening only what changes cached facts needs decoding: a node that posts without live
            // feeds then spends nothing on reading back its own messages.
            List<MessagingEvent> events = subscribers.isEmpty() && notifiers.isEmpty()
                    ? decodeAll(deliverable, cache::invalidatedBy) : decodeAll(deliverable);
            Lookahead lookahead = lookahead(deliverable, events, subscribers);
            for (int i = 0; i < deliverable.size(); i++) {
                MessagingEvent event = events.get(i);
                if (event != null) {
                    cache.invalidate(event);
                    notify(event);
                    lookahead.at(i);
                    for (SubscriptionImpl subscription : subscribers) {
                        subscription.offer(event, deliverable.get(i).position(), lookahead);
                    }
                }
                position = deliverable.get(i).position();
            }
            if (ready > 0) {
                afterDelivery.run();
            }
            if (ready < batch.size()) {
                long next = batch.get(ready).position();
                if (System.nanoTime() - gapSince < gapTimeoutNanos) {
                    return;   // hold back: the gap may still fill
                }
                skip(position + 1, next - 1);
                position = next - 1;
                gapAt = -1;
                continue;
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /** How many events from the start of the batch follow the relay's position without a gap. */
    private int contiguousPrefix(List<EventRecord> batch) {
        long expected = position + 1;
        for (int i = 0; i < batch.size(); i++) {
            long p = batch.get(i).position();
            if (p != expected) {
                if (gapAt != expected) {
                    gapAt = expected;
                    gapSince = System.nanoTime();
                }
                return i;
            }
            expected = p + 1;
        }
        gapAt = -1;
        return batch.size();
    }

    private void skip(long from, long to) {
        long now = System.nanoTime();
        log.debug("Event positions {} to {} did not commit within the gap timeout; going on without them", from, to);
        for (long p = Math.max(from, to - MAX_SKIPPED + 1); p <= to; p++) {
            skipped.put(p, now);
            for (SubscriptionImpl subscription : subscribers) {
                if (subscription.cursor() < p) {
                    subscription.await(p);
                }
            }
        }
        while (skipped.size() > MAX_SKIPPED) {
            forget(skipped.firstKey());
        }
    }

    private void forget(long p) {
        skipped.remove(p);
        for (SubscriptionImpl subscription : subscribers) {
            subscription.awaited().remove(p);
        }
    }

    /** Looks for skipped positions that committed late, delivers them, and stops watching the oldest. */
    private void checkLate() {
        if (skipped.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastLateCheck < LATE_CHECK_NANOS) {
            return;
        }
        lastLateCheck = now;
        long expiry = LATE_WINDOW.toNanos();
        for (Iterator<Map.Entry<Long, Long>> it = skipped.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Long> entry = it.next();
            if (now - entry.getValue() > expiry) {
                it.remove();
                for (SubscriptionImpl subscription : subscribers) {
                    subscription.awaited().remove(entry.getKey());
                }
            }
        }
        if (skipped.isEmpty()) {
            return;
        }
        List<Long> watched = List.copyOf(skipped.keySet());
        for (int from = 0; from < watched.size(); from += BATCH) {
            for (EventRecord record : store.eventsAt(watched.subList(from, Math.min(watched.size(), from + BATCH)))) {
                skipped.remove(record.position());
                deliverLate(record);
            }
        }
    }

    private void deliverLate(EventRecord record) {
        log.info("Event {} committed after later events; delivering it late", record.position());
        MessagingEvent event = decode(record);
        if (event == null) {
            return;
        }
        cache.invalidate(event);
        notify(event);
        Lookahead lookahead = new Lookahead(java.util.Collections.singletonList(event));
        lookahead.at(0);
        for (SubscriptionImpl subscription : subscribers) {
            subscription.offer(event, record.position(), lookahead);
        }
        afterDelivery.run();
    }

    /**
     * Loads the facts the subscribers' decisions on this batch need, then reads the events that follow it: any
     * change committed since those facts were read is among them, so each decision sees the state of its event.
     */
    private Lookahead lookahead(List<EventRecord> batch, List<MessagingEvent> events,
                                List<SubscriptionImpl> targets) {
        Lookahead batchOnly = new Lookahead(events);
        if (batch.isEmpty() || targets.isEmpty()) {
            return batchOnly;
        }
        visibility.prefetch(events, targets);
        for (int i = 0; i < batch.size(); i++) {
            if (events.get(i) != null) {
                batchOnly.at(i);
                for (SubscriptionImpl subscription : targets) {
                    subscription.preview(events.get(i), batch.get(i).position(), batchOnly);
                }
            }
        }
        List<EventRecord> following = store.eventsAfter(batch.get(batch.size() - 1).position(), BATCH);
        return batchOnly.followedBy(decodeAll(following));
    }

    private List<MessagingEvent> decodeAll(List<EventRecord> batch) {
        return decodeAll(batch, type -> true);
    }

    /** Decodes the events of the wanted types; the others come out {@code null}, as events to skip. */
    private List<MessagingEvent> decodeAll(List<EventRecord> batch, Predicate<String> wanted) {
        List<MessagingEvent> events = new ArrayList<>(batch.size());
        for (EventRecord record : batch) {
            events.add(wanted.test(record.type()) ? decode(record) : null);
        }
        return events;
    }

    private MessagingEvent decode(EventRecord record) {
        try {
            MessagingEvent event = codec.decode(record);
            if (event == null) {
                log.debug("Skipping event {} of unknown type {}", record.position(), record.type());
            }
            return event;
        } catch (RuntimeException e) {
            log.warn("Skipping event {} of type {}: it can't be decoded", record.position(), record.type(), e);
            return null;
        }
    }

    private void notify(MessagingEvent event) {
        for (NotifierLane notifier : notifiers) {
            notifier.offer(event);
        }
    }

    /** Closes subscribers whose listener is stuck in one call, whether live or catching up. */
    private void checkStalled() {
        long now = System.nanoTime();
        if (now - lastStallCheck < STALL_CHECK_NANOS) {
            return;
        }
        lastStallCheck = now;
        for (SubscriptionImpl subscription : open) {
            if (subscription.stalled()) {
                subscription.cutOff();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SubscriptionImpl subscription : open) {
            subscription.close();
        }
        SubscriptionImpl pending;
        while ((pending = registrations.poll()) != null) {
            pending.close();
        }
    }
}
