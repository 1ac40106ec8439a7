package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.EventRows;
import io.clientportal.messaging.spi.NewEvent;
import io.clientportal.messaging.spi.TraceHeaders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.clientportal.messaging.jpa.Jdbc.instant;
import static io.clientportal.messaging.jpa.Jdbc.uuid;

/**
 * The event log (transactional outbox). Positions come from a sequence, so appending takes no lock that other
 * units of work wait for; the price is that positions may commit out of order (and a rolled-back unit leaves a
 * gap), which the core's relay handles by tracking gaps. The webhook deliveries an event asks for are queued with
 * it, in the same unit of work. A unit of work writes through its tenant's log ({@link EventRows}); the store reads,
 * across tenants, through one without a tenant.
 */
final class EventLog implements EventRows {

    private static final String COLUMNS = "position, tenant_id, type, conversation_id, payload, created_at";

    private final Jdbc jdbc;
    private final String tenantId;

    /** The log across tenants: reading, pruning (not {@link EventRows}, which needs a tenant). */
    EventLog(Jdbc jdbc) {
        this(jdbc, null);
    }

    /** The log as a unit of work of {@code tenantId} writes it. */
    EventLog(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    private String tenant() {
        if (tenantId == null) {
            throw new IllegalStateException("the event log across tenants writes no tenant's events");
        }
        return tenantId;
    }

    @Override
    public void append(List<NewEvent> events) {
        String tenantId = tenant();
        if (events.isEmpty()) {
            return;
        }
        if (events.stream().allMatch(event -> event.webhookEndpoints().isEmpty())) {
            // Nothing else refers to the positions: the rows take them from the sequence as they are inserted, in
            // order, so a post's event costs one statement, not two.
            if (events.size() > 1 && jdbc.platform() == Platform.POSTGRESQL) {
                insertAsArrays(tenantId, events);
                return;
            }
            List<Object[]> rows = new ArrayList<>(events.size());
            for (NewEvent event : events) {
                rows.add(new Object[]{tenantId, event.type(), AttachmentSql.uuidOrNull(
                        event.conversationId() == null ? null : event.conversationId().value()),
                        event.payload(), event.createdAt()});
            }
            if (rows.size() == 1) {
                jdbc.update(insertWithNextPosition(), rows.get(0));
            } else {
                jdbc.batch(insertWithNextPosition(), rows);
            }
            return;
        }
        List<Long> positions = new ArrayList<>(jdbc.query(jdbc.platform().reservePositionsSql(),
                row -> row.getLong(1), events.size()));
        positions.sort(null);
        if (positions.size() != events.size()) {
            throw new IllegalStateException("the event position sequence answered " + positions.size()
                    + " positions for " + events.size() + " events");
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        List<Object[]> deliveries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            long position = positions.get(i);
            rows.add(new Object[]{position, tenantId, event.type(),
                    AttachmentSql.uuidOrNull(event.conversationId() == null ? null : event.conversationId().value()),
                    event.payload(), event.createdAt()});
            TraceHeaders trace = event.trace();
            for (String endpoint : event.webhookEndpoints()) {
                deliveries.add(new Object[]{WebhookDeliverySql.newId(), endpoint, position, tenantId, event.type(),
                        event.payload(), event.createdAt(), event.createdAt(),
                        trace == null ? null : trace.traceparent(), trace == null ? null : trace.tracestate()});
            }
        }
        jdbc.batch("INSERT INTO messaging_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", rows);
        jdbc.batch("INSERT INTO messaging_webhook_delivery (id, endpoint, event_position, tenant_id, event_type,"
                + " payload, created_at, dead, attempts, next_attempt_at, trace_parent, trace_state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, 0, ?, ?, ?)", deliveries);
    }

    /**
     * PostgreSQL: many events (an announcement chunk's) in one statement over arrays, positions taken in array
     * order; a third of the time of a JDBC batch of single-row inserts.
     */
    private void insertAsArrays(String tenantId, List<NewEvent> events) {
        int n = events.size();
        String[] types = new String[n];
        UUID[] conversations = new UUID[n];
        String[] payloads = new String[n];
        String[] createdAt = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            types[i] = event.type();
            conversations[i] = event.conversationId() == null ? null : event.conversationId().value();
            payloads[i] = event.payload();
            createdAt[i] = event.createdAt().toString();
        }
        jdbc.update("INSERT INTO messaging_event (" + COLUMNS + ") SELECT " + jdbc.platform().nextPositionSql()
                + ", ?, e.type, e.conversation_id, e.payload, CAST(e.created_at AS TIMESTAMPTZ) FROM unnest("
                + "CAST(? AS VARCHAR[]), CAST(? AS UUID[]), CAST(? AS TEXT[]), CAST(? AS TEXT[])) WITH ORDINALITY"
                + " AS e(type, conversation_id, payload, created_at, n) ORDER BY e.n", tenantId,
                new Jdbc.SqlArray("varchar", types), new Jdbc.SqlArray("uuid", conversations),
                new Jdbc.SqlArray("text", payloads), new Jdbc.SqlArray("text", createdAt));
    }

    private String insertWithNextPosition() {
        return StatementTexts.of("insertEvent", jdbc.platform(), 0, () -> "INSERT INTO messaging_event (" + COLUMNS
                + ") VALUES (" + jdbc.platform().nextPositionSql() + ", ?, ?, ?, ?, ?)");
    }

    List<EventRecord> after(long position, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM messaging_event WHERE position > ? ORDER BY position LIMIT ?",
                EventLog::record, position, limit);
    }

    List<EventRecord> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM messaging_event WHERE position IN ("
                + placeholders(positions.size()) + ") ORDER BY position", EventLog::record, positions.toArray());
    }

    /**
     * A conversation's events of the given types whose payload contains {@code mention}, by the conversation's
     * index (schema version 5): the scan covers that conversation's events only.
     */
    @Override
    public List<EventRecord> ofConversation(ConversationId id, Set<String> types, String mention) {
        List<Object> parameters = new ArrayList<>(types.size() + 3);
        parameters.add(id.value());
        parameters.add(tenant());
        parameters.addAll(types);
        parameters.add("%" + mention.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return jdbc.query("SELECT " + COLUMNS + " FROM messaging_event WHERE conversation_id = ? AND tenant_id = ?"
                + " AND type IN (" + placeholders(types.size()) + ") AND payload LIKE ? ESCAPE '\\'"
                + " ORDER BY position", EventLog::record, parameters.toArray());
    }

    /** Overwrites logged payloads, and those of the events' webhook deliveries still in the table. */
    @Override
    public void rewritePayloads(Map<Long, String> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(payloads.size());
        payloads.forEach((position, payload) -> rows.add(new Object[]{payload, position}));
        jdbc.batch("UPDATE messaging_event SET payload = ? WHERE position = ?", rows);
        jdbc.batch("UPDATE messaging_webhook_delivery SET payload = ? WHERE event_position = ?", rows);
    }

    /**
     * Erases a conversation's events in place (positions stay, so relays see no hole) and deletes their webhook
     * deliveries.
     */
    @Override
    public void eraseConversation(ConversationId id, String type, String payload) {
        String tenantId = tenant();
        jdbc.update("DELETE FROM messaging_webhook_delivery WHERE event_position IN (SELECT e.position"
                + " FROM messaging_event e WHERE e.conversation_id = ? AND e.tenant_id = ?)", id.value(), tenantId);
        jdbc.update("UPDATE messaging_event SET type = ?, payload = ?, conversation_id = NULL"
                + " WHERE conversation_id = ? AND tenant_id = ?", type, payload, id.value(), tenantId);
    }

    private static String placeholders(int count) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < count; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        return in.toString();
    }

    /** An event read with {@link #COLUMNS} first, by position (the relay reads the log after every commit). */
    private static EventRecord record(java.sql.ResultSet row) throws java.sql.SQLException {
        UUID conversationId = row.getObject(4, UUID.class);
        return new EventRecord(row.getLong(1), row.getString(2), row.getString(3),
                conversationId == null ? null : new ConversationId(conversationId),
                row.getString(5), instant(row, 6));
    }

    long last() {
        return jdbc.queryLong("SELECT COALESCE(MAX(position), 0) FROM messaging_event");
    }

    long first() {
        return jdbc.queryLong("SELECT COALESCE(MIN(position), 0) FROM messaging_event");
    }

    /**
     * Deletes the oldest events, stopping at the first one not created before the cut-off. Positions are taken as
     * events are written, so they follow time closely and the cut-off position is found by bisecting positions on
     * the primary key (some 40 probes): no index on {@code created_at} for every append to pay for.
     */
    int prune(Instant before, int limit) {
        long oldest = first();
        if (oldest == 0 || !createdBefore(oldest, before)) {
            return 0;
        }
        long old = oldest;              // the event at or after it is older than the cut-off
        long young = last() + 1;        // no event at or after it is
        while (young - old > 1) {
            long middle = old + (young - old) / 2;
            if (createdBefore(middle, before)) {
                old = middle;
            } else {
                young = middle;
            }
        }
        return jdbc.update("DELETE FROM messaging_event WHERE position IN (SELECT e.position FROM messaging_event e"
                + " WHERE e.position < ? ORDER BY e.position LIMIT ?)", young, limit);
    }

    /** Whether the first event at or after {@code position} exists and was created before {@code before}. */
    private boolean createdBefore(long position, Instant before) {
        return jdbc.queryOne("SELECT created_at FROM messaging_event WHERE position >= ? ORDER BY position LIMIT 1",
                row -> instant(row, "created_at"), position).map(at -> at.isBefore(before)).orElse(false);
    }
}
