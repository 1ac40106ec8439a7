package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the {@link Lookahead} for a batch: loads the facts the subscribers' decisions on the batch need, then reads
 * the events that follow it. Any change committed since those facts were read is among them, so each decision sees
 * the state of its event.
 */
final class LookaheadLoader {

    /** The subscribers a batch is for, and which of them each event is offered to. */
    interface Targets {

        /** Whether there are none. */
        boolean isEmpty();

        /** The subscribers of a tenant whose decisions may need participant access (at least its team members'). */
        Collection<SubscriptionImpl> ofTenant(String tenantId);

        /** Calls {@code action} for each subscriber that the event is offered to (those it may reach). */
        void forEach(MessagingEvent event, Lookahead lookahead, Consumer<SubscriptionImpl> action);

        /** One subscriber, offered every event of its tenant (one catching up). */
        static Targets of(SubscriptionImpl subscription) {
            List<SubscriptionImpl> one = List.of(subscription);
            return new Targets() {
                @Override
                public boolean isEmpty() {
                    return false;
                }

                @Override
                public Collection<SubscriptionImpl> ofTenant(String tenantId) {
                    return subscription.tenantId().equals(tenantId) ? one : List.of();
                }

                @Override
                public void forEach(MessagingEvent event, Lookahead lookahead, Consumer<SubscriptionImpl> action) {
                    action.accept(subscription);
                }
            };
        }
    }

    private final EventVisibility visibility;
    private final EventLog log;
    private final EventDecoder decoder;

    LookaheadLoader(EventVisibility visibility, EventLog log, EventDecoder decoder) {
        this.visibility = visibility;
        this.log = log;
        this.decoder = decoder;
    }

    /**
     * @param batch   the records, in log order
     * @param events  their events by index ({@code null} for one to skip)
     * @param targets the subscribers the batch is for
     */
    Lookahead load(List<EventRecord> batch, List<MessagingEvent> events, Targets targets) {
        Lookahead batchOnly = new Lookahead(events);
        if (batch.isEmpty() || targets.isEmpty()) {
            return batchOnly;
        }
        visibility.prefetch(events, targets::ofTenant);
        for (int i = 0; i < batch.size(); i++) {
            MessagingEvent event = events.get(i);
            if (event != null) {
                batchOnly.at(i);
                long position = batch.get(i).position();
                targets.forEach(event, batchOnly, subscription -> subscription.preview(event, position, batchOnly));
            }
        }
        List<EventRecord> following = log.after(batch.get(batch.size() - 1).position(), EventLog.BATCH);
        return batchOnly.followedBy(decoder.decodeAll(following));
    }

    /** The lookahead of one event handed on alone (a late one): nothing later is known about it. */
    static Lookahead single(MessagingEvent event) {
        Lookahead lookahead = new Lookahead(Collections.singletonList(event));
        lookahead.at(0);
        return lookahead;
    }
}
