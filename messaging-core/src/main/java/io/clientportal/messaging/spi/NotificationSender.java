package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Notification;

/**
 * Delivers notifications on one channel (email, SMS, push). An engine may have several; each gets every
 * notification. A sender that throws is retried with backoff (every sender gets the notification again, with the
 * same {@link Notification#id()}, so one that already delivered it can skip it); the others are not held up.
 */
public interface NotificationSender {

    /**
     * Delivers one notification. Called on the engine's notification thread; should not block for long.
     *
     * @param notification never {@code null}
     * @throws RuntimeException when it could not deliver (the notification is sent again later)
     */
    void send(Notification notification);
}
