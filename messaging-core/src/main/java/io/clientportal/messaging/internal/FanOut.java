package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Hands each committed event, in log order, to this node's cache (invalidation, in line), the notifiers and the
 * live subscribers it may reach ({@link SubscriberRoutes}; each decides, through {@link EventVisibility}, whether
 * its actor may see it). Never waits for a consumer: notifiers and subscribers buffer on their own lanes. The live
 * subscribers belong to the relay's thread.
 *
 * <p>Cursors. A live subscriber used to be offered every event, so its cursor was the position of the last event
 * handed on ({@link #passed}), or its own when it joined ahead of the relay. Now it is offered only the events it may
 * reach, and its cursor field lags behind by the positions it was not offered. The invariant: <em>a live
 * subscriber's cursor is {@code max(its field, passed)}</em>, exactly what it was when every event was offered.
 * An event offered in order sets the field to its own position, above both, so the ids it hands out are as
 * before; whatever reads or compares the cursor outside that (a skip, a late event) first brings the field up with
 * {@link SubscriptionImpl#advanceTo}. An awaited position that commits late is dropped from every subscriber's
 * awaited set, offered or not, as an offer would have.
 */
final class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);
    private static final String MESSAGE_POSTED = MessagePosted.class.getSimpleName();

    private final AccessCache cache;
    private final List<NotifierLane> notifiers;
    private final EventDecoder decoder;
    private final LookaheadLoader lookaheads;
    private final SubscriberRoutes subscribers;
    /** The position of the last event handed on in order (see the cursor invariant above). */
    private long passed;

    FanOut(AccessCache cache, List<NotifierLane> notifiers, EventDecoder decoder, LookaheadLoader lookaheads,
           SubscriberRoutes subscribers) {
        this.cache = cache;
        this.notifiers = notifiers;
        this.decoder = decoder;
        this.lookaheads = lookaheads;
        this.subscribers = subscribers;
    }

    /** Adds a subscriber that caught up to the relay's position: it gets every event after it that may reach it. */
    void add(SubscriptionImpl subscription) {
        subscribers.add(subscription);
    }

    /** Drops the subscribers that were closed. */
    void removeInactive() {
        subscribers.removeClosed();
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
                ? decoder.decodeAll(batch, this::mayChangeCachedFacts) : decoder.decodeAll(batch);
        Lookahead lookahead = lookaheads.load(batch, events, subscribers);
        for (int i = 0; i < batch.size(); i++) {
            MessagingEvent event = events.get(i);
            if (event != null) {
                lookahead.at(i);
                handOn(event, batch.get(i).position(), lookahead);
                this.passed = batch.get(i).position();
            }
            passed.accept(batch.get(i).position());
        }
    }

    /**
     * Whether a record may change cached facts: by its type ({@link AccessCache#invalidatedBy}), and a post only if
     * a client may have written it (a team member's post changes no read count), so that the million posts of an
     * announcement are not decoded while its progress is being watched.
     */
    private boolean mayChangeCachedFacts(EventRecord record) {
        return cache.invalidatedBy(record.type())
                && (!MESSAGE_POSTED.equals(record.type()) || decoder.mayBeClientPost(record));
    }

    /** Hands on an event whose position was skipped as a gap and committed after all. */
    void deliverLate(EventRecord record) {
        log.info("Event {} committed after later events; delivering it late", record.position());
        MessagingEvent event = decoder.decode(record);
        if (event != null) {
            long position = record.position();
            advanceAll();
            handOn(event, position, LookaheadLoader.single(event));
            for (SubscriptionImpl subscription : subscribers.all()) {
                subscription.awaited().remove(position);   // as the offer of one it does not reach would have
            }
        }
    }

    private void handOn(MessagingEvent event, long position, Lookahead lookahead) {
        cache.invalidate(event);
        for (NotifierLane notifier : notifiers) {
            notifier.offer(event);
        }
        subscribers.forEach(event, lookahead, subscription -> subscription.offer(event, position, lookahead));
        subscribers.handedOn(event);
    }

    /** Brings every subscriber's cursor field up to its cursor (the invariant above), before it is compared. */
    private void advanceAll() {
        for (SubscriptionImpl subscription : subscribers.all()) {
            subscription.advanceTo(passed);
        }
    }

    /** The relay went on without these positions: the subscribers before them await them. */
    void skipped(GapTracker.Skip skip) {
        advanceAll();
        for (long p : skip.skipped()) {
            for (SubscriptionImpl subscription : subscribers.all()) {
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
            for (SubscriptionImpl subscription : subscribers.all()) {
                subscription.awaited().remove(p);
            }
        }
    }
}
