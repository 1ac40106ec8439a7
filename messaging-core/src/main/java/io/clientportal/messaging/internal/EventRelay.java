package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tails the event log and hands each committed event, in position order, to this node's caches (invalidation),
 * the notifiers and the subscribers. Woken in-process after each local commit and by the store's signal of other
 * nodes' commits; polls as the fallback.
 *
 * <p>The relay coordinates three parts on its own thread: the {@link GapTracker} (its place in the log, gaps held
 * back and skipped positions watched for late commits), the {@link FanOut} (hands events to cache, notifiers and
 * live subscribers) and the admission of subscribers, which the {@link CatchUpReader} brings up to the relay's
 * position first. A subscriber that resumes from far back catches up on its own lane, paced by its listener
 * ({@link SubscriptionImpl}), and joins the live feed when it reaches the relay. Subscribers that passed a skipped
 * position carry it in their resume token, so a client that resumes anywhere still gets it should it commit late.
 *
 * <p>The relay thread never waits for a consumer: it invalidates the caches itself (in memory), and hands events to
 * each notifier's and each subscriber's bounded buffer, drained on the delivery executor.
 */
final class EventRelay implements SubscriptionImpl.Feed, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    /**
     * How long the relay rests after each pass: under load one read of the log then hands on every commit of that
     * moment instead of one read per commit (which kept a second core busy for each posting thread). An event
     * waits at most this much longer.
     */
    private static final long COALESCE_MILLIS = 2;
    /** How often subscribers are checked for listeners stuck in one call. */
    private static final long STALL_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventLog eventLog;
    private final AccessCache cache;
    private final EventDecoder decoder;
    private final List<NotifierLane> notifiers;
    private final Duration pollInterval;
    private final Runnable afterDelivery;
    private final LongSupplier nanoTime;
    private final GapTracker gaps;
    private final Clock clock;
    private final Instrumentation instrumentation;
    /** When the relay last moved on or found itself caught up (engine clock): what tells stuck from busy. */
    private volatile Instant progressedAt;
    private final WakeSignal signal = new WakeSignal();
    private final Queue<SubscriptionImpl> registrations = new ConcurrentLinkedQueue<>();
    /** Every open subscription, live or catching up: watched for stuck listeners. */
    private final Set<SubscriptionImpl> open = new CopyOnWriteArraySet<>();
    private final Thread thread;
    /** Set once, before {@link #start()} (they need the visibility, which needs the context, which needs the relay). */
    private FanOut fanOut;
    private CatchUpReader catchUp;
    private volatile boolean closed;
    private boolean stallChecked;
    private long lastStallCheck;

    EventRelay(MessagingStore store, EventCodec codec, AccessCache cache, List<MessagingNotifier> notifiers,
               Duration pollInterval, Duration gapTimeout, Runnable afterDelivery, Executor deliveryExecutor,
               int bufferSize, Clock clock, Instrumentation instrumentation) {
        this(EventLog.of(store), codec, cache, notifiers.stream()
                        .map(n -> new NotifierLane(n, deliveryExecutor, bufferSize)).toList(), pollInterval,
                gapTimeout, afterDelivery, System::nanoTime, clock, instrumentation);
    }

    EventRelay(EventLog eventLog, EventCodec codec, AccessCache cache, List<NotifierLane> notifiers,
               Duration pollInterval, Duration gapTimeout, Runnable afterDelivery, LongSupplier nanoTime,
               Clock clock, Instrumentation instrumentation) {
        this.eventLog = eventLog;
        this.cache = cache;
        this.decoder = new EventDecoder(codec);
        this.notifiers = notifiers;
        this.pollInterval = pollInterval;
        this.afterDelivery = afterDelivery;
        this.nanoTime = nanoTime;
        this.gaps = new GapTracker(eventLog, nanoTime, gapTimeout);
        this.clock = clock;
        this.instrumentation = instrumentation;
        this.progressedAt = clock.instant();
        this.thread = new Thread(this::run, "messaging-event-relay");
        this.thread.setDaemon(true);
    }

    /** What decides the subscribers' events; set once, before {@link #start()}. */
    void useVisibility(EventVisibility visibility) {
        LookaheadLoader lookaheads = new LookaheadLoader(visibility, eventLog, decoder);
        this.fanOut = new FanOut(cache, notifiers, decoder, lookaheads, new SubscriberRoutes(visibility));
        this.catchUp = new CatchUpReader(eventLog, gaps, decoder, lookaheads);
    }

    void start() {
        gaps.start();
        thread.start();
    }

    /** The position up to which every event was handed on (or skipped as a gap). */
    long position() {
        return gaps.position();
    }

    /**
     * When the relay last moved on or found itself caught up: it does at every look at the log that returns (at
     * least every poll interval) and after every batch it hands on, so only a relay that is stuck (a read that
     * hangs or keeps failing) lets it grow old, never one working through a backlog.
     */
    Instant progressedAt() {
        return progressedAt;
    }

    /** Asks the relay to look at the log now (after a local commit, or a signal from another node). */
    void wake() {
        signal.wake();
    }

    /**
     * Adds a subscriber. One whose cursor is close to the relay is caught up by the relay and fed live; one further
     * behind is handed back to catch up on its own lane first.
     */
    @Override
    public void register(SubscriptionImpl subscription) {
        watch(subscription);
        registrations.add(subscription);
        wake();
    }

    /**
     * Starts a subscriber that resumes from behind the relay: it catches up on its own lane, then registers. Nothing
     * of it runs on the relay's thread.
     */
    void resume(SubscriptionImpl subscription) {
        if (subscription.cursor() >= gaps.position()) {
            register(subscription);
            return;
        }
        watch(subscription);
        subscription.catchUp();
    }

    private void watch(SubscriptionImpl subscription) {
        if (open.add(subscription)) {
            subscription.onClose(() -> open.remove(subscription));
        }
    }

    /** One catch-up step of a subscriber, on its lane; see {@link CatchUpReader#catchUp}. */
    @Override
    public boolean catchUp(SubscriptionImpl subscription) {
        return catchUp.catchUp(subscription);
    }

    private void run() {
        long failures = 0;
        while (!closed) {
            awaitWake();
            try {
                pass();
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

    /** One look at the log: admits new subscribers, hands on what committed, looks for late commits. */
    void pass() {
        admitRegistrations();
        drain();
        checkLate();
        checkStalled();
        fanOut.removeInactive();
        progressedAt = clock.instant();
    }

    private void awaitWake() {
        if (!closed && !signal.await(gaps.nextLookMillis(pollInterval.toMillis()))) {
            closed = true;
        }
    }

    private void admitRegistrations() {
        SubscriptionImpl subscription;
        while ((subscription = registrations.poll()) != null) {
            if (!subscription.isActive()) {
                continue;
            }
            catchUp.deliverAwaited(subscription);
            // Catch up from the subscriber's cursor to where the relay stands (usually a few events); live events
            // follow in order. One still further behind catches up on its own lane and comes back.
            if (catchUp.catchUp(subscription)) {
                fanOut.add(subscription);
            } else {
                subscription.catchUp();
            }
        }
    }

    private void drain() {
        while (!closed) {
            GapTracker.Read read = gaps.read();
            if (!read.ready().isEmpty()) {
                handOn(read.ready());
                afterDelivery.run();
                progressedAt = clock.instant();
            }
            if (read.atGap()) {
                GapTracker.Skip skip = gaps.skipIfTimedOut(read);
                if (skip == null) {
                    return;   // hold back: the gap may still fill
                }
                fanOut.skipped(skip);
                continue;
            }
            if (!read.full()) {
                return;
            }
        }
    }

    /** Hands one batch on, observed (empty looks at the log, one per poll, are not). */
    private void handOn(List<EventRecord> batch) {
        OngoingObservation observation = instrumentation.start(ObservedOperation.Kind.RELAY_BATCH, null, Map.of(),
                null);
        try {
            fanOut.deliver(batch, gaps::passed);
            observation.tag(ObservedOperation.OUTCOME, Instrumentation.SUCCESS);
        } catch (RuntimeException e) {
            Instrumentation.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** Delivers skipped positions that committed late; nobody awaits those given up any more. */
    private void checkLate() {
        GapTracker.LateCommits late = gaps.checkLate();
        fanOut.forget(late.forgotten());
        for (var record : late.committed()) {
            fanOut.deliverLate(record);
            afterDelivery.run();
        }
    }

    /** Closes subscribers whose listener is stuck in one call, whether live or catching up. */
    private void checkStalled() {
        long now = nanoTime.getAsLong();
        if (stallChecked && now - lastStallCheck < STALL_CHECK_NANOS) {
            return;
        }
        stallChecked = true;
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
