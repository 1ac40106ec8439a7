package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.TraceHeaders;
import io.clientportal.messaging.spi.WebhookBacklog;
import io.clientportal.messaging.spi.WebhookDeliveryRecord;
import io.clientportal.messaging.spi.WebhookDeliveryStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The in-memory store's webhook deliveries: one map under one monitor. */
final class InMemoryWebhookDeliveries implements WebhookDeliveryStore {

    private final Map<String, WebhookDeliveryRecord> deliveries = new LinkedHashMap<>();
    private long lastId;

    synchronized String queue(String endpoint, long position, String tenantId, String type, String payload,
                              Instant createdAt, TraceHeaders trace) {
        // Increasing ids, so dead letters list oldest first by id, as in the database stores.
        String id = String.format("wh-%016d", ++lastId);
        deliveries.put(id, new WebhookDeliveryRecord(id, endpoint, position, tenantId, type, payload, createdAt,
                false, 0, createdAt, null, trace));
        return id;
    }

    synchronized void remove(String id) {
        deliveries.remove(id);
    }

    /** Sets the payload of an event's deliveries; returns each one's old payload by id. */
    synchronized Map<String, String> rewritePayload(long position, String payload) {
        Map<String, String> old = new LinkedHashMap<>();
        deliveries.replaceAll((id, d) -> {
            if (d.eventPosition() != position) {
                return d;
            }
            old.put(id, d.payload());
            return withPayload(d, payload);
        });
        return old;
    }

    /** Puts a payload back (a rewrite rolled back), if the delivery is still there. */
    synchronized void restorePayload(String id, String payload) {
        deliveries.computeIfPresent(id, (key, d) -> withPayload(d, payload));
    }

    /** Removes an event's deliveries; returns them. */
    synchronized List<WebhookDeliveryRecord> removeOfEvent(long position) {
        List<WebhookDeliveryRecord> removed = deliveries.values().stream()
                .filter(d -> d.eventPosition() == position).toList();
        removed.forEach(d -> deliveries.remove(d.id()));
        return removed;
    }

    /** Puts a removed delivery back (a removal rolled back). */
    synchronized void restore(WebhookDeliveryRecord delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    private static WebhookDeliveryRecord withPayload(WebhookDeliveryRecord d, String payload) {
        return new WebhookDeliveryRecord(d.id(), d.endpoint(), d.eventPosition(), d.tenantId(), d.eventType(),
                payload, d.createdAt(), d.dead(), d.attempts(), d.nextAttemptAt(), d.lastError(), d.trace());
    }

    @Override
    public synchronized List<WebhookDeliveryRecord> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<WebhookDeliveryRecord> due = deliveries.values().stream()
                .filter(d -> !d.dead() && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WebhookDeliveryRecord::nextAttemptAt)
                        .thenComparing(WebhookDeliveryRecord::eventPosition))
                .limit(limit).toList();
        List<WebhookDeliveryRecord> claimed = new ArrayList<>(due.size());
        for (WebhookDeliveryRecord d : due) {
            WebhookDeliveryRecord next = with(d, false, d.attempts() + 1, leaseUntil, d.lastError());
            deliveries.put(d.id(), next);
            claimed.add(next);
        }
        return claimed;
    }

    @Override
    public synchronized void delivered(String id, int attempt) {
        WebhookDeliveryRecord d = deliveries.get(id);
        if (d != null && d.attempts() == attempt && !d.dead()) {
            deliveries.remove(id);
        }
    }

    @Override
    public synchronized void retryLater(String id, int attempt, Instant nextAttemptAt, String error) {
        WebhookDeliveryRecord d = deliveries.get(id);
        if (d != null && d.attempts() == attempt && !d.dead()) {
            deliveries.put(id, with(d, false, attempt, nextAttemptAt, error));
        }
    }

    @Override
    public synchronized void deadLetter(String id, int attempt, Instant at, String error) {
        WebhookDeliveryRecord d = deliveries.get(id);
        if (d != null && d.attempts() == attempt && !d.dead()) {
            deliveries.put(id, with(d, true, attempt, at, error));
        }
    }

    @Override
    public synchronized List<WebhookDeliveryRecord> deadLetters(String afterId, int limit) {
        List<WebhookDeliveryRecord> dead = deliveries.values().stream().filter(WebhookDeliveryRecord::dead)
                .sorted(Comparator.comparing(WebhookDeliveryRecord::id)).toList();
        return dead.stream().filter(d -> afterId == null || d.id().compareTo(afterId) > 0).limit(limit).toList();
    }

    @Override
    public synchronized Optional<WebhookDeliveryRecord> delivery(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    @Override
    public synchronized boolean replay(String id, Instant now) {
        WebhookDeliveryRecord d = deliveries.get(id);
        if (d == null || !d.dead()) {
            return false;
        }
        deliveries.put(id, with(d, false, 0, now, d.lastError()));
        return true;
    }

    @Override
    public synchronized List<WebhookBacklog> backlog() {
        Map<String, WebhookBacklog> byEndpoint = new TreeMap<>();
        for (WebhookDeliveryRecord d : deliveries.values()) {
            WebhookBacklog one = d.dead() ? new WebhookBacklog(d.endpoint(), 0, 1, null)
                    : new WebhookBacklog(d.endpoint(), 1, 0, d.createdAt());
            byEndpoint.merge(d.endpoint(), one, WebhookBacklog::plus);
        }
        return List.copyOf(byEndpoint.values());
    }

    private static WebhookDeliveryRecord with(WebhookDeliveryRecord d, boolean dead, int attempts, Instant next,
                                              String error) {
        return d.withState(dead, attempts, next, error);
    }
}
