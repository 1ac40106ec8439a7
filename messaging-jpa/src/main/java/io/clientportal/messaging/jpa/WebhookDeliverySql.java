package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.TraceHeaders;
import io.clientportal.messaging.spi.WebhookBacklog;
import io.clientportal.messaging.spi.WebhookDeliveryRecord;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.clientportal.messaging.jpa.Jdbc.instant;

/**
 * Webhook delivery state in {@code messaging_webhook_delivery}. Claims lock the due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so instances claiming at the same moment take different rows, and move their due
 * time to the lease's end before commit, so no one else takes them until then. Outcomes name the attempt and change
 * nothing once another claim has raised it.
 */
final class WebhookDeliverySql {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, endpoint, event_position, tenant_id, event_type, payload, created_at,"
            + " dead, attempts, next_attempt_at, last_error, trace_parent, trace_state";

    private final Jdbc jdbc;

    WebhookDeliverySql(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A time-ordered UUID (version 7), so dead letters list oldest first by id. */
    static UUID newId() {
        long most = (System.currentTimeMillis() << 16) | (0x7L << 12) | RANDOM.nextInt(1 << 12);
        long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    List<WebhookDeliveryRecord> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<WebhookDeliveryRecord> due = jdbc.query("SELECT " + COLUMNS + " FROM messaging_webhook_delivery"
                + " WHERE dead = FALSE AND next_attempt_at <= ? ORDER BY next_attempt_at, event_position LIMIT ?"
                + " FOR UPDATE SKIP LOCKED", WebhookDeliverySql::record, now, limit);
        if (due.isEmpty()) {
            return due;
        }
        List<Object[]> rows = new ArrayList<>(due.size());
        List<WebhookDeliveryRecord> claimed = new ArrayList<>(due.size());
        for (WebhookDeliveryRecord d : due) {
            rows.add(new Object[]{leaseUntil, UUID.fromString(d.id())});
            claimed.add(d.withState(false, d.attempts() + 1, leaseUntil, d.lastError()));
        }
        jdbc.batch("UPDATE messaging_webhook_delivery SET attempts = attempts + 1, next_attempt_at = ?"
                + " WHERE id = ?", rows);
        return claimed;
    }

    void delivered(String id, int attempt) {
        jdbc.update("DELETE FROM messaging_webhook_delivery WHERE id = ? AND attempts = ? AND dead = FALSE",
                UUID.fromString(id), attempt);
    }

    void retryLater(String id, int attempt, Instant nextAttemptAt, String error) {
        jdbc.update("UPDATE messaging_webhook_delivery SET next_attempt_at = ?, last_error = ?"
                + " WHERE id = ? AND attempts = ? AND dead = FALSE", nextAttemptAt, error, UUID.fromString(id),
                attempt);
    }

    void deadLetter(String id, int attempt, Instant at, String error) {
        jdbc.update("UPDATE messaging_webhook_delivery SET dead = TRUE, next_attempt_at = ?, last_error = ?"
                + " WHERE id = ? AND attempts = ? AND dead = FALSE", at, error, UUID.fromString(id), attempt);
    }

    List<WebhookDeliveryRecord> deadLetters(String afterId, int limit) {
        if (afterId == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM messaging_webhook_delivery WHERE dead = TRUE"
                    + " ORDER BY id LIMIT ?", WebhookDeliverySql::record, limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM messaging_webhook_delivery WHERE dead = TRUE AND id > ?"
                + " ORDER BY id LIMIT ?", WebhookDeliverySql::record, parse(afterId), limit);
    }

    Optional<WebhookDeliveryRecord> find(String id) {
        UUID uuid = parse(id);
        return uuid == null ? Optional.empty() : jdbc.queryOne("SELECT " + COLUMNS
                + " FROM messaging_webhook_delivery WHERE id = ?", WebhookDeliverySql::record, uuid);
    }

    boolean replay(String id, Instant now) {
        UUID uuid = parse(id);
        return uuid != null && jdbc.update("UPDATE messaging_webhook_delivery SET dead = FALSE, attempts = 0,"
                + " next_attempt_at = ? WHERE id = ? AND dead = TRUE", now, uuid) > 0;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static WebhookDeliveryRecord record(ResultSet row) throws SQLException {
        return new WebhookDeliveryRecord(row.getObject("id", UUID.class).toString(), row.getString("endpoint"),
                row.getLong("event_position"), row.getString("tenant_id"), row.getString("event_type"),
                row.getString("payload"), instant(row, "created_at"), row.getBoolean("dead"), row.getInt("attempts"),
                instant(row, "next_attempt_at"), row.getString("last_error"), trace(row));
    }

    /**
     * The stored trace context, or {@code null}; one that no longer reads as valid (the columns were edited by
     * hand) is dropped rather than failing the delivery.
     */
    private static TraceHeaders trace(ResultSet row) throws SQLException {
        String parent = row.getString("trace_parent");
        if (parent == null) {
            return null;
        }
        try {
            return new TraceHeaders(parent, row.getString("trace_state"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Pending deliveries and dead letters per endpoint, in one grouped scan of the table. */
    List<WebhookBacklog> backlog() {
        return jdbc.query("SELECT endpoint, SUM(CASE WHEN dead THEN 0 ELSE 1 END) AS pending,"
                + " SUM(CASE WHEN dead THEN 1 ELSE 0 END) AS dead_letters,"
                + " MIN(CASE WHEN dead THEN NULL ELSE created_at END) AS oldest_pending"
                + " FROM messaging_webhook_delivery GROUP BY endpoint ORDER BY endpoint",
                row -> new WebhookBacklog(row.getString("endpoint"), row.getLong("pending"),
                        row.getLong("dead_letters"), instant(row, "oldest_pending")));
    }
}
