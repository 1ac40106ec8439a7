package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Events;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.StreamReset;
import io.clientportal.messaging.spi.MessagingStore;

import java.time.Duration;
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
        if (!actor.isTeamMember()) {
            // Loads the client user's account into the cache here, on the subscriber's thread: the relay files the
            // feed under it as it joins, and so never waits for the store one feed at a time.
            visibility.clientAccount(tenantId, actor.id());
        }
        StreamStart start = StreamStart.of(EventLog.of(store), relay.position(), lastEventId);
        SubscriptionImpl subscription = new SubscriptionImpl(tenantId, actor, start.cursor(), listener, visibility,
                codec, relay, deliveryExecutor, bufferSize, new StallWatch(System::nanoTime, STALL_LIMIT),
                context::now);
        // Positions below the start that have not committed yet commit after it: they are awaited, not skipped.
        start.awaited().forEach(subscription::await);
        subscription.markStart();
        if (start.reset()) {
            subscription.enqueue(new StreamReset(subscription.startEventId(), tenantId, null, context.now()));
        }
        if (!start.resumes(lastEventId)) {
            relay.register(subscription);
        } else {
            relay.resume(subscription);
        }
        return subscription;
    }
}
