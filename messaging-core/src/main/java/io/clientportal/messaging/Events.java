package io.clientportal.messaging;

import io.clientportal.messaging.event.MessagingEvent;

import java.util.function.Consumer;

/** The real-time feed: committed events the actor may see, in order, resumable by event id. */
public interface Events {

    /**
     * Subscribes to the events the actor may see.
     *
     * @param actor       who listens
     * @param lastEventId the id of the last event the caller saw, to resume after it without gaps or duplicates;
     *                    {@code null} to start from now. An id older than the retention gets a
     *                    {@link io.clientportal.messaging.event.StreamReset} first: reload, then go on.
     * @param listener    called on a background thread, one event at a time, in order
     * @return the subscription; close it to stop
     */
    Subscription subscribe(Actor actor, String lastEventId, Consumer<MessagingEvent> listener);
}
