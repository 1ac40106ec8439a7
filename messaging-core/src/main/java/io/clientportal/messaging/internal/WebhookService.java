package io.clientportal.messaging.internal;

import io.clientportal.messaging.Webhooks;
import io.clientportal.messaging.model.WebhookDelivery;
import io.clientportal.messaging.spi.WebhookDeliveryRecord;
import io.clientportal.messaging.spi.WebhookDeliveryStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operating webhooks; with no webhooks configured, there is nothing to list or replay. */
final class WebhookService implements Webhooks {

    private final WebhookDeliveryStore deliveries;
    private final Runnable wakeDispatcher;

    WebhookService(WebhookDeliveryStore deliveries, Runnable wakeDispatcher) {
        this.deliveries = deliveries;
        this.wakeDispatcher = wakeDispatcher;
    }

    @Override
    public List<WebhookDelivery> deadLetters(String afterId, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new io.clientportal.messaging.InvalidInputException("limit", "limit must be between 1 and 1000");
        }
        if (deliveries == null) {
            return List.of();
        }
        return deliveries.deadLetters(afterId, limit).stream().map(WebhookService::toDelivery).toList();
    }

    @Override
    public Optional<WebhookDelivery> delivery(String id) {
        Checks.notNull(id, "id");
        return deliveries == null ? Optional.empty() : deliveries.delivery(id).map(WebhookService::toDelivery);
    }

    @Override
    public boolean replay(String id) {
        Checks.notNull(id, "id");
        if (deliveries == null || !deliveries.replay(id, Instant.now())) {
            return false;
        }
        wakeDispatcher.run();
        return true;
    }

    private static WebhookDelivery toDelivery(WebhookDeliveryRecord record) {
        return new WebhookDelivery(record.id(), record.endpoint(), Long.toString(record.eventPosition()),
                record.eventType(), record.tenantId(), record.dead(), record.attempts(), record.nextAttemptAt(),
                record.lastError());
    }
}
