package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.ReminderClaim;
import io.clientportal.messaging.spi.ReminderRow;
import io.clientportal.messaging.spi.ReminderRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Follow-up reminder rows of one tenant ({@code messaging_reminder}), in native SQL. */
final class ReminderSql implements ReminderRows {

    private static final String COLUMNS = "conversation_id, message_id, author_id, due_at, lease_owner, lease_until";
    private static final String KEY = " WHERE tenant_id = ? AND conversation_id = ?";

    private final Jdbc jdbc;
    private final String tenantId;

    ReminderSql(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    /** An update, else an insert: the post that writes it holds the conversation's lock, so no two race here. */
    @Override
    public void save(ReminderRow row) {
        Object owner = row.leaseOwner() == null ? Jdbc.NULL_TEXT : row.leaseOwner();
        Object until = row.leaseUntil() == null ? Jdbc.NULL_TIMESTAMP : row.leaseUntil();
        int changed = jdbc.update("UPDATE messaging_reminder SET message_id = ?, author_id = ?, due_at = ?,"
                        + " lease_owner = ?, lease_until = ?" + KEY, row.messageId().value(), row.authorId(),
                row.dueAt(), owner, until, tenantId, row.conversationId().value());
        if (changed == 0) {
            jdbc.update("INSERT INTO messaging_reminder (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    tenantId, row.conversationId().value(), row.messageId().value(), row.authorId(), row.dueAt(),
                    owner, until);
        }
    }

    @Override
    public void delete(ConversationId conversationId) {
        jdbc.update("DELETE FROM messaging_reminder" + KEY, tenantId, conversationId.value());
    }

    @Override
    public Optional<ReminderRow> lock(ConversationId conversationId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM messaging_reminder" + KEY + " FOR UPDATE",
                ReminderSql::row, tenantId, conversationId.value());
    }

    /** Claims due rows of every tenant that no node holds, skipping locked ones, as notifications do. */
    static List<ReminderClaim> claim(Jdbc jdbc, String owner, Instant now, Instant leaseUntil, int limit) {
        List<ReminderClaim> free = jdbc.query("SELECT tenant_id, conversation_id FROM messaging_reminder"
                        + " WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                        + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
                r -> new ReminderClaim(r.getString("tenant_id"),
                        new ConversationId(Jdbc.uuid(r, "conversation_id"))), now, now, limit);
        List<Object[]> rows = new ArrayList<>(free.size());
        for (ReminderClaim claim : free) {
            rows.add(new Object[]{owner, leaseUntil, claim.tenantId(), claim.conversationId().value()});
        }
        jdbc.batch("UPDATE messaging_reminder SET lease_owner = ?, lease_until = ?" + KEY, rows);
        return free;
    }

    private static ReminderRow row(ResultSet row) throws SQLException {
        return new ReminderRow(new ConversationId(Jdbc.uuid(row, "conversation_id")),
                new MessageId(Jdbc.uuid(row, "message_id")), row.getString("author_id"), Jdbc.instant(row, "due_at"),
                row.getString("lease_owner"), Jdbc.instant(row, "lease_until"));
    }
}
