package io.clientportal.messaging.spi;

import io.clientportal.messaging.event.MessagingEvent;

/**
 * Receives every committed event of every tenant, in log order, one at a time, on a thread of the event delivery
 * executor ({@code MessagingBuilder.eventDeliveryExecutor}), never on the relay's: a slow notifier delays neither
 * the relay nor subscribers nor other notifiers. Each notifier has its own buffer of
 * {@code MessagingBuilder.eventBufferSize} events; one that falls further behind misses the events that do not fit
 * (logged with their number), so hand slow work to your own executor. An exception is logged and does not stop
 * delivery.
 */
@FunctionalInterface
public interface MessagingNotifier {

    /** Called once per committed event. Never receives {@code null}. */
    void onEvent(MessagingEvent event);
}
