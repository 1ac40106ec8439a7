package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.NewEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.clientportal.messaging.jpa.Jdbc.instant;
import static io.clientportal.messaging.jpa.Jdbc.uuid;

/**
 * The event log (transactional outbox). Positions come from the one counter row, updated as the last write of
 * every unit of work: its row lock, held to commit, makes positions commit in order, so whatever a reader sees
 * is a gap-free prefix of the log and the relay can never skip an event that commits late. The lock is held
 * only from the append to the commit, because the core appends a unit's events last.
 */
final class EventLog {

    private final Jdbc jdbc;

    EventLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void append(String tenantId, List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long last = jdbc.queryOne(jdbc.platform().reservePositionsSql(), row -> row.getLong(1), events.size())
                .orElseThrow(() -> new IllegalStateException("the event counter row is missing"));
        long position = last - events.size();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            rows.add(new Object[]{++position, tenantId, event.type(),
                    AttachmentSql.uuidOrNull(event.conversationId() == null ? null : event.conversationId().value()),
                    event.payload(), event.createdAt()});
        }
        jdbc.batch("INSERT INTO messaging_event (position, tenant_id, type, conversation_id, payload, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    List<EventRecord> after(long position, int limit) {
        return jdbc.query("SELECT position, tenant_id, type, conversation_id, payload, created_at FROM messaging_event"
                + " WHERE position > ? ORDER BY position LIMIT ?", row -> {
                    UUID conversationId = uuid(row, "conversation_id");
                    return new EventRecord(row.getLong("position"), row.getString("tenant_id"), row.getString("type"),
                            conversationId == null ? null : new ConversationId(conversationId),
                            row.getString("payload"), instant(row, "created_at"));
                }, position, limit);
    }

    long last() {
        return jdbc.queryLong("SELECT COALESCE(MAX(position), 0) FROM messaging_event");
    }

    long first() {
        return jdbc.queryLong("SELECT COALESCE(MIN(position), 0) FROM messaging_event");
    }

    /** Deletes the oldest events, stopping at the first one not created before the cut-off. */
    int prune(Instant before, int limit) {
        return jdbc.update("DELETE FROM messaging_event WHERE position IN (SELECT e.position FROM messaging_event e"
                + " WHERE e.position < COALESCE((SELECT MIN(n.position) FROM messaging_event n"
                + " WHERE n.created_at >= ?), ?) ORDER BY e.position LIMIT ?)", before, Long.MAX_VALUE, limit);
    }
}
