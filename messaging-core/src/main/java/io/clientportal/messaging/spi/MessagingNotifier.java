package io.clientportal.messaging.spi;

import io.clientportal.messaging.event.MessagingEvent;

/**
 * Receives every committed event of every tenant, in log order, on the event relay's thread. Keep it quick (hand
 * slow work to your own executor); an exception is logged and does not stop delivery to others.
 */
@FunctionalInterface
public interface MessagingNotifier {

    /** Called once per committed event. Never receives {@code null}. */
    void onEvent(MessagingEvent event);
}
