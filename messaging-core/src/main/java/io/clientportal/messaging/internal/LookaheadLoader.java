package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;

import java.util.Collections;
import java.util.List;

/**
 * Builds the {@link Lookahead} for a batch: loads the facts the subscribers' decisions on the batch need, then reads
 * the events that follow it. Any change committed since those facts were read is among them, so each decision sees
 * the state of its event.
 */
final class LookaheadLoader {

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
    Lookahead load(List<EventRecord> batch, List<MessagingEvent> events, List<SubscriptionImpl> targets) {
        Lookahead batchOnly = new Lookahead(events);
        if (batch.isEmpty() || targets.isEmpty()) {
            return batchOnly;
        }
        visibility.prefetch(events, targets);
        for (int i = 0; i < batch.size(); i++) {
            if (events.get(i) != null) {
                batchOnly.at(i);
                for (SubscriptionImpl subscription : targets) {
                    subscription.preview(events.get(i), batch.get(i).position(), batchOnly);
                }
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
