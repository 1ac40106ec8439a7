package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.StreamReset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One subscriber of the event feed. The events its actor may see go into its bounded {@link EventBuffer} and reach
 * the listener one at a time, in order, on its own {@link DeliveryLane}, so a slow or stuck listener never holds up
 * the relay or other subscribers.
 *
 * <p>A subscription that resumes from behind the relay first catches up on its lane, paced by its listener: it reads
 * the next batch of the log only once the listener has taken the previous one, so a listener that keeps up is never
 * cut off however far back it starts. Once it reaches the relay it joins the live feed ({@link EventRelay#register}),
 * where the relay offers it each event as it passes. A live subscriber whose buffer fills (it fell a whole buffer
 * behind), or whose listener is stuck in one call, is closed: its listener gets, after the last event it took, a
 * {@link StreamReset} whose id resumes right after that event, and then the close actions run. Nothing of this runs
 * on the relay's thread.
 *
 * <p>Besides its cursor, a subscription keeps the positions below it that the relay skipped as gaps and that may
 * still commit ({@linkplain #awaited() awaited}). While there are any, the ids it hands out carry them
 * ({@code "42~40~41"}: event 42, and 40 and 41 still awaited), so a client that resumes with such an id, on any
 * node, still gets them should they commit late. Plain ids are just the position.
 *
 * <p>Cursor and awaited positions belong to one thread at a time: the lane while catching up, the relay once live.
 * The hand-over between them goes through the relay's registration queue.
 */
final class SubscriptionImpl implements Subscription {

    /** Where a subscription catches up and then joins the live feed (the {@link EventRelay}). */
    interface Feed {

        /** One catch-up step on the subscription's lane; true once it reached the live feed's position. */
        boolean catchUp(SubscriptionImpl subscription);

        /** Hands the subscription (caught up, or close to the live position) over to the live feed. */
        void register(SubscriptionImpl subscription);
    }

    private static final Logger log = LoggerFactory.getLogger(SubscriptionImpl.class);
    /** The most events one turn hands to the listener before the lane lets other lanes have the thread. */
    private static final int TURN = 256;

    /** The most awaited positions a subscription (and its ids) carries. */
    static final int MAX_AWAITED = 100;

    private final String tenantId;
    private final Actor actor;
    private final Consumer<MessagingEvent> listener;
    private final EventVisibility visibility;
    private final EventCodec codec;
    private final Feed relay;
    private final Supplier<Instant> clock;
    private final EventBuffer<MessagingEvent> buffer;
    private final DeliveryLane lane;
    private final StallWatch stall;
    private final NavigableSet<Long> awaited = new TreeSet<>();
    private final List<Runnable> closeActions = new ArrayList<>();
    private volatile String startEventId;
    private volatile boolean active = true;
    /** Closed because it fell behind (or got stuck): the listener is told where to resume. */
    private volatile boolean behind;
    /** Reading the log on its lane towards the relay (rather than fed by it). */
    private volatile boolean catchingUp;
    private boolean closeActionsRun;
    /** The id of the last event handed to the listener (its lane only). */
    private String lastDeliveredId;
    private boolean resetDelivered;
    private long cursor;

    SubscriptionImpl(String tenantId, Actor actor, long cursor, Consumer<MessagingEvent> listener,
                     EventVisibility visibility, EventCodec codec, Feed relay, Executor executor,
                     int bufferSize, StallWatch stall, Supplier<Instant> clock) {
        this.codec = codec;
        this.tenantId = tenantId;
        this.actor = actor;
        this.cursor = cursor;
        this.listener = listener;
        this.visibility = visibility;
        this.relay = relay;
        this.clock = clock;
        this.stall = stall;
        this.buffer = new EventBuffer<>(bufferSize);
        this.lane = new DeliveryLane(executor, this::step, e -> {
            log.warn("Closing the event subscription of {} {}: the delivery executor refused it ({})", actor.kind(),
                    actor.id(), e.toString());
            close();
        });
    }

    String tenantId() {
        return tenantId;
    }

    Actor actor() {
        return actor;
    }

    /**
     * The position of the last event offered; only its owner (lane or relay) moves it. Once live, the relay offers
     * it only the events that may reach it, so the field lags behind the relay's by the events it was not offered:
     * {@link FanOut} keeps the invariant (its cursor is the larger of this and the last position handed on) and
     * brings the field up before it compares it.
     */
    long cursor() {
        return cursor;
    }

    /** Moves the cursor past positions with nothing to offer it (a catch-up batch's end, events it was not offered). */
    void advanceTo(long position) {
        if (position > cursor) {
            cursor = position;
        }
    }

    /** How many events a catch-up read may add without filling the buffer. */
    int room() {
        return buffer.capacity() - buffer.size();
    }

    /** Positions below the cursor still to come should they commit; its owner only. */
    NavigableSet<Long> awaited() {
        return awaited;
    }

    /** Waits for a position below the cursor that the relay skipped (its owner only). */
    void await(long position) {
        awaited.add(position);
        while (awaited.size() > MAX_AWAITED) {
            awaited.pollFirst();
        }
    }

    /**
     * Offers a committed event at {@code position}; called by its owner only, in log order, except for awaited
     * positions, which come when they commit.
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
            end(false);
        } else if (verdict == EventVisibility.Verdict.DELIVER) {
            // A client receives the event in the clients' view (its seqs), live and replayed alike.
            enqueue(Notes.forActor(actor, awaited.isEmpty() ? event : codec.withEventId(event, resumeToken())));
        }
    }

    /** Fixes the id of the starting point; called once, before the relay sees the subscription. */
    void markStart() {
        startEventId = resumeToken();
        lastDeliveredId = startEventId;
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

    /** Hands an event straight to the listener's buffer (a reset notice that is not in the log). */
    void enqueue(MessagingEvent event) {
        if (!buffer.offer(event)) {
            log.warn("Closing the event subscription of {} {}: it fell {} events behind", actor.kind(), actor.id(),
                    buffer.capacity());
            end(true);
            return;
        }
        lane.signal();
    }

    /** Starts (or goes back to) catching up on its own lane; the caller gives up the cursor. */
    void catchUp() {
        catchingUp = true;
        lane.signal();
    }

    /** Whether its listener has been stuck in one call for too long (any thread). */
    boolean stalled() {
        return active && stall.stalled();
    }

    /** Closes it because it fell behind or got stuck: it is told where to resume (any thread; never blocks). */
    void cutOff() {
        log.warn("Closing the event subscription of {} {}: its listener has not returned for too long",
                actor.kind(), actor.id());
        end(true);
    }

    /** Stops delivery; the lane tells the listener (a reset when {@code fellBehind}) and runs the close actions. */
    private void end(boolean fellBehind) {
        synchronized (closeActions) {
            if (!active) {
                return;
            }
            behind = fellBehind;
            active = false;
        }
        buffer.clear();
        lane.signal();
    }

    private boolean step() {
        for (int i = 0; i < TURN && active; i++) {
            MessagingEvent event = buffer.poll();
            if (event == null) {
                break;
            }
            deliver(event);
        }
        if (!active) {
            finish();
            return false;
        }
        if (!buffer.isEmpty()) {
            return true;
        }
        if (catchingUp) {
            boolean reached;
            try {
                reached = relay.catchUp(this);
            } catch (RuntimeException e) {
                log.warn("Closing the event subscription of {} {}: the log could not be read to catch it up",
                        actor.kind(), actor.id(), e);
                end(true);
                return true;
            }
            if (reached) {
                catchingUp = false;
                relay.register(this);
            }
            return true;
        }
        return false;
    }

    private void deliver(MessagingEvent event) {
        lastDeliveredId = event.eventId();
        stall.enter();
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("Event listener of {} {} failed on {}", actor.kind(), actor.id(), event.type(), e);
        } finally {
            stall.exit();
        }
    }

    /** On the lane, after the last event: the reset of a subscriber that fell behind, then the close actions. */
    private void finish() {
        if (behind && !resetDelivered) {
            resetDelivered = true;
            deliver(new StreamReset(lastDeliveredId, tenantId, null, clock.get()));
        }
        runCloseActions();
    }

    private void runCloseActions() {
        List<Runnable> actions;
        synchronized (closeActions) {
            if (closeActionsRun) {
                return;
            }
            closeActionsRun = true;
            actions = List.copyOf(closeActions);
            closeActions.clear();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("Subscription close action failed", e);
            }
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
            runNow = closeActionsRun;
            if (!runNow) {
                closeActions.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
    }

    /** Stops delivery at once; the close actions run on the caller's thread. */
    @Override
    public void close() {
        end(false);
        runCloseActions();
    }
}
