package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Events;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.StreamReset;
import io.clientportal.messaging.spi.MessagingStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Subscriptions to the event feed. */
final class EventService implements Events {

    /**
     * A subscriber whose listener has not returned for this long is closed (with a reset it can resume from): a
     * client that stopped reading must not hold its subscription open, even while nothing piles up behind it.
     */
    static final Duration STALL_LIMIT = Duration.ofSeconds(30);

    private final Context context;
    private final String tenantId;
    private final MessagingStore store;
    private final EventRelay relay;
    private final EventVisibility visibility;
    private final Executor deliveryExecutor;
    private final EventCodec codec;
    private final int bufferSize;

    EventService(Context context, String tenantId, MessagingStore store, EventRelay relay,
                 EventVisibility visibility, EventCodec codec, Executor deliveryExecutor, int bufferSize) {
        this.codec = codec;
        this.bufferSize = bufferSize;
        this.context = context;
        this.tenantId = tenantId;
        this.store = store;
        this.relay = relay;
        this.visibility = visibility;
        this.deliveryExecutor = deliveryExecutor;
    }

    @Override
    public Subscription subscribe(Actor actor, String lastEventId, Consumer<MessagingEvent> listener) {
        Checks.notNull(actor, "actor");
        Checks.notNull(listener, "listener");
        long[] token = parse(lastEventId);
        Long resumeAfter = token == null ? null : token[0];
        long last = store.lastEventPosition();
        boolean reset = false;
        long cursor;
        List<Long> inFlight = List.of();
        if (resumeAfter == null) {
            cursor = last;
            inFlight = missingBetween(relay.position(), last);
        } else {
            long first = store.firstEventPosition();
            // Events after the id were pruned (or the id is not from this log): the caller must reload.
            reset = resumeAfter > last || (first > 0 && resumeAfter < first - 1);
            cursor = reset ? last : resumeAfter;
        }
        SubscriptionImpl subscription = new SubscriptionImpl(tenantId, actor, cursor, listener, visibility, codec,
                relay, deliveryExecutor, bufferSize, new StallWatch(System::nanoTime, STALL_LIMIT), context::now);
        // Positions below "now" that have not committed yet commit after it: they are awaited, not skipped.
        inFlight.forEach(subscription::await);
        if (!reset && token != null) {
            for (int i = 1; i < token.length; i++) {
                if (token[i] < cursor) {
                    subscription.await(token[i]);
                }
            }
        }
        subscription.markStart();
        if (reset) {
            subscription.enqueue(new StreamReset(subscription.startEventId(), tenantId, null, context.now()));
        }
        if (resumeAfter == null || reset) {
            relay.register(subscription);
        } else {
            relay.resume(subscription);
        }
        return subscription;
    }

    /** Positions between the relay's and the log's end that have not committed (yet). */
    private List<Long> missingBetween(long relayPosition, long last) {
        if (last - relayPosition <= 1) {
            return List.of();
        }
        long from = Math.max(relayPosition, last - SubscriptionImpl.MAX_AWAITED);
        Set<Long> present = new HashSet<>();
        for (var record : store.eventsAfter(from, (int) (last - from))) {
            present.add(record.position());
        }
        List<Long> missing = new ArrayList<>();
        for (long p = from + 1; p < last; p++) {
            if (!present.contains(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** The position an id names, then the positions it still awaited ({@code "42~40~41"}); null for none. */
    private static long[] parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            String[] parts = lastEventId.trim().split("~", SubscriptionImpl.MAX_AWAITED + 2);
            if (parts.length > SubscriptionImpl.MAX_AWAITED + 1) {
                throw new NumberFormatException();
            }
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Long.parseLong(parts[i]);
                if (values[i] < 0) {
                    throw new NumberFormatException();
                }
            }
            return values;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lastEventId", "lastEventId must be an event id this feed sent");
        }
    }
}
