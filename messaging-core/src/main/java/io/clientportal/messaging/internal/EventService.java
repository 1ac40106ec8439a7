package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Events;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.StreamReset;
import io.clientportal.messaging.spi.MessagingStore;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Subscriptions to the event feed. */
final class EventService implements Events {

    private final Context context;
    private final String tenantId;
    private final MessagingStore store;
    private final EventRelay relay;
    private final EventVisibility visibility;
    private final Executor deliveryExecutor;

    EventService(Context context, String tenantId, MessagingStore store, EventRelay relay,
                 EventVisibility visibility, Executor deliveryExecutor) {
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
        Long resumeAfter = parse(lastEventId);
        long last = store.lastEventPosition();
        boolean reset = false;
        long cursor;
        if (resumeAfter == null) {
            cursor = last;
        } else {
            long first = store.firstEventPosition();
            // Events after the id were pruned (or the id is not from this log): the caller must reload.
            reset = resumeAfter > last || (first > 0 && resumeAfter < first - 1);
            cursor = reset ? last : resumeAfter;
        }
        SubscriptionImpl subscription = new SubscriptionImpl(tenantId, actor, cursor, listener, visibility,
                deliveryExecutor);
        if (reset) {
            subscription.enqueue(new StreamReset(Long.toString(last), tenantId, null, context.now()));
        }
        relay.register(subscription);
        return subscription;
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(lastEventId.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lastEventId", "lastEventId must be an event id this feed sent");
        }
    }
}
