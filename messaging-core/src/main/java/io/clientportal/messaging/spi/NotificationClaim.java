package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;

import java.util.Objects;

/**
 * A due notification a node claimed ({@link MessagingStore#claimNotifications}).
 *
 * @param tenantId  never {@code null}
 * @param recipient never {@code null}
 */
public record NotificationClaim(String tenantId, Actor recipient) {

    public NotificationClaim {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(recipient, "recipient must not be null");
    }
}
