package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.spi.NotificationClaim;
import io.clientportal.messaging.spi.NotificationRow;
import io.clientportal.messaging.spi.NotificationRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Notification rows of one tenant ({@code messaging_notification}), in native SQL. */
final class NotificationSql implements NotificationRows {

    private static final String COLUMNS = "recipient_kind, recipient_id, due_at, last_sent_at, covered_until,"
            + " attempts, lease_owner, lease_until, preference_mode, digest_hours";
    private static final String KEY = " WHERE tenant_id = ? AND recipient_kind = ? AND recipient_id = ?";

    private final Jdbc jdbc;
    private final String tenantId;

    NotificationSql(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    /**
     * An update that always matches the row takes its lock (and, on PostgreSQL, re-reads a row another unit changed
     * meanwhile), keeping a pending due time; without a row, an insert, and the update again should another unit's
     * insert of the same row win.
     */
    @Override
    public void schedule(Actor recipient, Instant dueAt) {
        String update = "UPDATE messaging_notification SET due_at = COALESCE(due_at, ?)" + KEY;
        if (jdbc.update(update, dueAt, tenantId, recipient.kind(), recipient.id()) > 0) {
            return;
        }
        String insert = "INSERT INTO messaging_notification (tenant_id, recipient_kind, recipient_id, due_at)"
                + " VALUES (?, ?, ?, ?)";
        boolean inserted = jdbc.platform() == Platform.POSTGRESQL
                ? jdbc.update(insert + " ON CONFLICT DO NOTHING", tenantId, recipient.kind(), recipient.id(),
                        dueAt) > 0
                : jdbc.insertUnlessDuplicate(insert, tenantId, recipient.kind(), recipient.id(), dueAt);
        if (!inserted) {
            jdbc.update(update, dueAt, tenantId, recipient.kind(), recipient.id());
        }
    }

    /** One statement for a whole announcement chunk, in recipient order (the order single schedules lock in). */
    @Override
    public boolean scheduleClientsOf(Collection<ConversationId> conversations, Instant dueAt) {
        if (conversations.isEmpty()) {
            return true;
        }
        Jdbc.SqlArray ids = jdbc.uuids(conversations.stream().map(ConversationId::value).toList());
        String users = "SELECT DISTINCT u.tenant_id, u.id FROM " + jdbc.platform().idTableSql()
                + " JOIN messaging_conversation c ON c.tenant_id = ? AND c.id = t.k"
                + " JOIN messaging_client_user u ON u.tenant_id = c.tenant_id AND u.account_id = c.client_account_id";
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update("INSERT INTO messaging_notification (tenant_id, recipient_kind, recipient_id, due_at)"
                    + " SELECT s.tenant_id, 'CLIENT_USER', s.id, ? FROM (" + users + ") s ORDER BY s.id"
                    + " ON CONFLICT (tenant_id, recipient_kind, recipient_id)"
                    + " DO UPDATE SET due_at = COALESCE(messaging_notification.due_at, EXCLUDED.due_at)",
                    dueAt, ids, tenantId);
        } else {
            jdbc.update("MERGE INTO messaging_notification n USING (" + users + ") s"
                    + " ON n.tenant_id = s.tenant_id AND n.recipient_kind = 'CLIENT_USER' AND n.recipient_id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET due_at = COALESCE(n.due_at, ?)"
                    + " WHEN NOT MATCHED THEN INSERT (tenant_id, recipient_kind, recipient_id, due_at)"
                    + " VALUES (s.tenant_id, 'CLIENT_USER', s.id, ?)", ids, tenantId, dueAt, dueAt);
        }
        return true;
    }

    @Override
    public Optional<NotificationRow> find(Actor recipient) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM messaging_notification" + KEY, NotificationSql::row,
                tenantId, recipient.kind(), recipient.id());
    }

    @Override
    public Optional<NotificationRow> lock(Actor recipient) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM messaging_notification" + KEY + " FOR UPDATE",
                NotificationSql::row, tenantId, recipient.kind(), recipient.id());
    }

    @Override
    public void save(NotificationRow row) {
        NotificationPreferences preferences = row.preferences();
        Object[] values = {ts(row.dueAt()), ts(row.lastSentAt()), ts(row.coveredUntil()), row.attempts(),
                text(row.leaseOwner()), ts(row.leaseUntil()),
                preferences == null ? Jdbc.NULL_TEXT : preferences.mode().name(),
                preferences == null ? 0 : preferences.digestHours()};
        Object[] updated = new Object[values.length + 3];
        System.arraycopy(values, 0, updated, 0, values.length);
        updated[values.length] = tenantId;
        updated[values.length + 1] = row.recipient().kind();
        updated[values.length + 2] = row.recipient().id();
        int changed = jdbc.update("UPDATE messaging_notification SET due_at = ?, last_sent_at = ?, covered_until = ?,"
                + " attempts = ?, lease_owner = ?, lease_until = ?, preference_mode = ?, digest_hours = ?" + KEY,
                updated);
        if (changed == 0) {
            Object[] inserted = new Object[values.length + 3];
            inserted[0] = tenantId;
            inserted[1] = row.recipient().kind();
            inserted[2] = row.recipient().id();
            System.arraycopy(values, 0, inserted, 3, values.length);
            jdbc.update("INSERT INTO messaging_notification (tenant_id, " + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserted);
        }
    }

    /**
     * Claims due rows of every tenant that no node holds: locked with {@code FOR UPDATE SKIP LOCKED} (a row a post
     * is scheduling, or another node claiming, is passed over) and given the lease before commit.
     */
    static List<NotificationClaim> claim(Jdbc jdbc, String owner, Instant now, Instant leaseUntil, int limit) {
        List<NotificationClaim> free = jdbc.query("SELECT tenant_id, recipient_kind, recipient_id"
                        + " FROM messaging_notification WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                        + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
                r -> new NotificationClaim(r.getString("tenant_id"), actor(r)), now, now, limit);
        List<Object[]> rows = new ArrayList<>(free.size());
        for (NotificationClaim claim : free) {
            rows.add(new Object[]{owner, leaseUntil, claim.tenantId(), claim.recipient().kind(),
                    claim.recipient().id()});
        }
        jdbc.batch("UPDATE messaging_notification SET lease_owner = ?, lease_until = ?" + KEY, rows);
        return free;
    }

    private static Object ts(Instant at) {
        return at == null ? Jdbc.NULL_TIMESTAMP : at;
    }

    private static Object text(String value) {
        return value == null ? Jdbc.NULL_TEXT : value;
    }

    private static Actor actor(ResultSet row) throws SQLException {
        return new Actor(Actor.Kind.valueOf(row.getString("recipient_kind")), row.getString("recipient_id"));
    }

    private static NotificationRow row(ResultSet row) throws SQLException {
        String mode = row.getString("preference_mode");
        NotificationPreferences preferences = mode == null ? null
                : new NotificationPreferences(NotificationPreferences.Mode.valueOf(mode), row.getInt("digest_hours"));
        return new NotificationRow(actor(row), Jdbc.instant(row, "due_at"), Jdbc.instant(row, "last_sent_at"),
                Jdbc.instant(row, "covered_until"), row.getInt("attempts"), row.getString("lease_owner"),
                Jdbc.instant(row, "lease_until"), preferences);
    }
}
