package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tails the event log and hands each committed event, in position order, to this node's caches (invalidation),
 * the notifiers and the subscribers. Woken in-process after each local commit; polls for what other nodes commit.
 * It relies on the store's promise that {@link MessagingStore#eventsAfter} never returns an event while a lower
 * position may still commit.
 */
final class EventRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int BATCH = 500;

    private final MessagingStore store;
    private final EventCodec codec;
    private final AccessCache cache;
    private final List<MessagingNotifier> notifiers;
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final Queue<SubscriptionImpl> registrations = new ConcurrentLinkedQueue<>();
    private final List<SubscriptionImpl> subscribers = new ArrayList<>();
    private final Thread thread;
    private boolean woken;
    private volatile boolean closed;
    private volatile long position;

    EventRelay(MessagingStore store, EventCodec codec, AccessCache cache, List<MessagingNotifier> notifiers,
               Duration pollInterval) {
        this.store = store;
        this.codec = codec;
        this.cache = cache;
        this.notifiers = List.copyOf(notifiers);
        this.pollInterval = pollInterval;
        this.thread = new Thread(this::run, "messaging-event-relay");
        this.thread.setDaemon(true);
    }

    void start() {
        position = store.lastEventPosition();
        thread.start();
    }

    /** The position of the last event handed on. */
    long position() {
        return position;
    }

    /** Asks the relay to look at the log now (after a local commit). */
    void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Adds a subscriber; the relay catches it up from its cursor, then feeds it live. */
    void register(SubscriptionImpl subscription) {
        registrations.add(subscription);
        wake();
    }

    private void run() {
        long failures = 0;
        while (!closed) {
            awaitWake();
            try {
                admitRegistrations();
                drain();
                subscribers.removeIf(subscription -> !subscription.isActive());
                failures = 0;
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
        lock.lock();
        try {
            if (!woken && !closed) {
                wakeUp.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private void admitRegistrations() {
        SubscriptionImpl subscription;
        while ((subscription = registrations.poll()) != null) {
            if (!subscription.isActive()) {
                continue;
            }
            // Catch up from the subscriber's cursor to where the relay stands; live events follow in order.
            long upTo = position;
            long from = subscription.cursor();
            while (from < upTo && subscription.isActive()) {
                List<EventRecord> batch = store.eventsAfter(from, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                List<MessagingEvent> events = decodeAll(batch);
                Lookahead lookahead = lookahead(batch, events, List.of(subscription));
                for (int i = 0; i < batch.size() && batch.get(i).position() <= upTo; i++) {
                    if (events.get(i) != null) {
                        lookahead.at(i);
                        subscription.offer(events.get(i), batch.get(i).position(), lookahead);
                    }
                }
                from = batch.get(batch.size() - 1).position();
            }
            subscribers.add(subscription);
        }
    }

    private void drain() {
        while (!closed) {
            List<EventRecord> batch = store.eventsAfter(position, BATCH);
            List<MessagingEvent> events = decodeAll(batch);
            Lookahead lookahead = lookahead(batch, events, subscribers);
            for (int i = 0; i < batch.size(); i++) {
                MessagingEvent event = events.get(i);
                if (event != null) {
                    cache.invalidate(event);
                    notify(event);
                    lookahead.at(i);
                    for (SubscriptionImpl subscription : subscribers) {
                        subscription.offer(event, batch.get(i).position(), lookahead);
                    }
                }
                position = batch.get(i).position();
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
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
        List<MessagingEvent> events = new ArrayList<>(batch.size());
        for (EventRecord record : batch) {
            events.add(decode(record));
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
        for (MessagingNotifier notifier : notifiers) {
            try {
                notifier.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("Notifier {} failed on event {}", notifier.getClass().getName(), event.eventId(), e);
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
        for (SubscriptionImpl subscription : subscribers) {
            subscription.close();
        }
        SubscriptionImpl pending;
        while ((pending = registrations.poll()) != null) {
            pending.close();
        }
    }
}
