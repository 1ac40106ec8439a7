package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One subscriber of the event feed. The relay offers it events in log order from its one thread; the subscription
 * keeps those after its cursor that its actor may see and hands them to the listener, one at a time, on the
 * delivery executor, so a slow listener never holds up the relay or other subscribers.
 *
 * <p>Besides its cursor, a subscription keeps the positions below it that the relay skipped as gaps and that may
 * still commit ({@linkplain #awaited() awaited}). While there are any, the ids it hands out carry them
 * ({@code "42~40~41"}: event 42, and 40 and 41 still awaited), so a client that resumes with such an id, on any
 * node, still gets them should they commit late. Plain ids are just the position.
 */
final class SubscriptionImpl implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionImpl.class);

    /** A subscriber this far behind is cut off rather than buffered without bound. */
    static final int MAX_BACKLOG = 10_000;

    private final String tenantId;
    private final Actor actor;
    private final Consumer<MessagingEvent> listener;
    private final EventVisibility visibility;
    private final EventCodec codec;
    private final Executor executor;
    private final NavigableSet<Long> awaited = new TreeSet<>();
    private volatile String startEventId;
    private final Queue<MessagingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final List<Runnable> closeActions = new ArrayList<>();
    private volatile boolean active = true;
    private long cursor;

    /** The most awaited positions a subscription (and its ids) carries. */
    static final int MAX_AWAITED = 100;

    SubscriptionImpl(String tenantId, Actor actor, long cursor, Consumer<MessagingEvent> listener,
                     EventVisibility visibility, EventCodec codec, Executor executor) {
        this.codec = codec;
        this.tenantId = tenantId;
        this.actor = actor;
        this.cursor = cursor;
        this.listener = listener;
        this.visibility = visibility;
        this.executor = executor;
    }

    String tenantId() {
        return tenantId;
    }

    /** The position of the last event offered; only the relay thread reads and moves it. */
    long cursor() {
        return cursor;
    }

    /** Positions below the cursor still to come should they commit; the relay thread only. */
    NavigableSet<Long> awaited() {
        return awaited;
    }

    /** Waits for a position below the cursor that the relay skipped (relay thread only). */
    void await(long position) {
        awaited.add(position);
        while (awaited.size() > MAX_AWAITED) {
            awaited.pollFirst();
        }
    }

    /**
     * Offers a committed event at {@code position}; called by the relay thread only, in log order, except for
     * awaited positions, which come when they commit.
     */
    void offer(MessagingEvent event, long position, Lookahead lookahead) {
        if (!active) {
            return;
        }
        if (position <= cursor) {
            if (!awaited.remove(position)) {
                return;
            }
        } else {
            cursor = position;
        }
        if (!tenantId.equals(event.tenantId())) {
            return;
        }
        EventVisibility.Verdict verdict = visibility.verdict(actor, event, lookahead);
        if (verdict == EventVisibility.Verdict.END) {
            close();
        } else if (verdict == EventVisibility.Verdict.DELIVER) {
            enqueue(awaited.isEmpty() ? event : codec.withEventId(event, resumeToken()));
        }
    }

    /** Fixes the id of the starting point; called once, before the relay sees the subscription. */
    void markStart() {
        startEventId = resumeToken();
    }

    @Override
    public String startEventId() {
        return startEventId;
    }

    private String resumeToken() {
        StringBuilder token = new StringBuilder(Long.toString(cursor));
        for (long p : awaited) {
            token.append('~').append(p);
        }
        return token.toString();
    }

    /**
     * Decides an event without delivering it, so the batch's facts are loaded before the relay reads what follows
     * the batch.
     */
    void preview(MessagingEvent event, long position, Lookahead lookahead) {
        if (active && (position > cursor || awaited.contains(position)) && tenantId.equals(event.tenantId())) {
            visibility.verdict(actor, event, lookahead);
        }
    }

    /** Hands an event straight to the listener's queue (a reset notice that is not in the log). */
    void enqueue(MessagingEvent event) {
        if (backlog.incrementAndGet() > MAX_BACKLOG) {
            log.warn("Closing the event subscription of {} {}: it fell {} events behind", actor.kind(), actor.id(),
                    MAX_BACKLOG);
            close();
            return;
        }
        queue.add(event);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            MessagingEvent event;
            while (active && (event = queue.poll()) != null) {
                backlog.decrementAndGet();
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    log.warn("Event listener of {} {} failed on {}", actor.kind(), actor.id(), event.type(), e);
                }
            }
        } finally {
            draining.set(false);
        }
        if (active && !queue.isEmpty()) {
            scheduleDrain();
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void onClose(Runnable action) {
        boolean runNow;
        synchronized (closeActions) {
            runNow = !active;
            if (!runNow) {
                closeActions.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
    }

    @Override
    public void close() {
        List<Runnable> actions;
        synchronized (closeActions) {
            if (!active) {
                return;
            }
            active = false;
            actions = List.copyOf(closeActions);
            closeActions.clear();
        }
        queue.clear();
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("Subscription close action failed", e);
            }
        }
    }
}
