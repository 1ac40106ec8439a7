package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Hands each committed event, in log order, to this node's cache (invalidation, in line), the notifiers and the
 * live subscribers (each decides, through {@link EventVisibility}, whether its actor may see it). Never waits for a
 * consumer: notifiers and subscribers buffer on their own lanes. The live subscribers belong to the relay's thread.
 */
final class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final AccessCache cache;
    private final List<NotifierLane> notifiers;
    private final EventDecoder decoder;
    private final LookaheadLoader lookaheads;
    private final List<SubscriptionImpl> subscribers = new ArrayList<>();

    FanOut(AccessCache cache, List<NotifierLane> notifiers, EventDecoder decoder, LookaheadLoader lookaheads) {
        this.cache = cache;
        this.notifiers = notifiers;
        this.decoder = decoder;
        this.lookaheads = lookaheads;
    }

    /** Adds a subscriber that caught up to the relay's position: it gets every event after it. */
    void add(SubscriptionImpl subscription) {
        subscribers.add(subscription);
    }

    /** Drops the subscribers that were closed. */
    void removeInactive() {
        subscribers.removeIf(subscription -> !subscription.isActive());
    }

    /**
     * Hands on a gap-free run of the log.
     *
     * @param passed told each position once its event was handed on
     */
    void deliver(List<EventRecord> batch, LongConsumer passed) {
        // With nobody listening only what changes cached facts needs decoding: a node that posts without live
        // feeds then spends nothing on reading back its own messages.
        List<MessagingEvent> events = subscribers.isEmpty() && notifiers.isEmpty()
                ? decoder.decodeAll(batch, cache::invalidatedBy) : decoder.decodeAll(batch);
        Lookahead lookahead = lookaheads.load(batch, events, subscribers);
        for (int i = 0; i < batch.size(); i++) {
            MessagingEvent event = events.get(i);
            if (event != null) {
                lookahead.at(i);
                handOn(event, batch.get(i).position(), lookahead);
            }
            passed.accept(batch.get(i).position());
        }
    }

    /** Hands on an event whose position was skipped as a gap and committed after all. */
    void deliverLate(EventRecord record) {
        log.info("Event {} committed after later events; delivering it late", record.position());
        MessagingEvent event = decoder.decode(record);
        if (event != null) {
            handOn(event, record.position(), LookaheadLoader.single(event));
        }
    }

    private void handOn(MessagingEvent event, long position, Lookahead lookahead) {
        cache.invalidate(event);
        for (NotifierLane notifier : notifiers) {
            notifier.offer(event);
        }
        for (SubscriptionImpl subscription : subscribers) {
            subscription.offer(event, position, lookahead);
        }
    }

    /** The relay went on without these positions: the subscribers before them await them. */
    void skipped(GapTracker.Skip skip) {
        for (long p : skip.skipped()) {
            for (SubscriptionImpl subscription : subscribers) {
                if (subscription.cursor() < p) {
                    subscription.await(p);
                }
            }
        }
        forget(skip.forgotten());
    }

    /** These positions are no longer watched: nobody awaits them any more. */
    void forget(List<Long> positions) {
        for (long p : positions) {
            for (SubscriptionImpl subscription : subscribers) {
                subscription.awaited().remove(p);
            }
        }
    }
}
