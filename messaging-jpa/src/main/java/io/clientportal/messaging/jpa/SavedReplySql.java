package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.spi.SavedReplyRow;
import io.clientportal.messaging.spi.SavedReplyRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The saved replies of one tenant, in plain SQL like the other small tables: a unique violation of the shortcut's
 * key comes out of {@link Jdbc} as the core's {@code DuplicateKeyException} ({@link StoreErrors}).
 */
final class SavedReplySql implements SavedReplyRows {

    private static final String COLUMNS = "id, title, shortcut, text, created_by, created_at, updated_at, version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM messaging_saved_reply WHERE tenant_id = ?";

    private final Jdbc jdbc;
    private final String tenantId;

    SavedReplySql(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    @Override
    public void insert(SavedReplyRow r) {
        jdbc.update("INSERT INTO messaging_saved_reply (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenantId, r.id().value(), r.title(), r.shortcut(), r.text(), r.createdBy(), r.createdAt(),
                r.updatedAt(), r.version());
    }

    @Override
    public Optional<SavedReplyRow> find(SavedReplyId id) {
        return jdbc.queryOne(SELECT + " AND id = ?", SavedReplySql::row, tenantId, id.value());
    }

    @Override
    public Optional<SavedReplyRow> byShortcut(String shortcut) {
        return jdbc.queryOne(SELECT + " AND shortcut = ?", SavedReplySql::row, tenantId, shortcut);
    }

    @Override
    public boolean update(SavedReplyRow r, long expectedVersion) {
        return jdbc.update("UPDATE messaging_saved_reply SET title = ?, shortcut = ?, text = ?, updated_at = ?,"
                        + " version = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                r.title(), r.shortcut(), r.text(), r.updatedAt(), r.version(), tenantId, r.id().value(),
                expectedVersion) > 0;
    }

    @Override
    public boolean delete(SavedReplyId id) {
        return jdbc.update("DELETE FROM messaging_saved_reply WHERE tenant_id = ? AND id = ?", tenantId,
                id.value()) > 0;
    }

    @Override
    public List<SavedReplyRow> all() {
        return jdbc.query(SELECT, SavedReplySql::row, tenantId);
    }

    @Override
    public int count() {
        return (int) jdbc.queryLong("SELECT COUNT(*) FROM messaging_saved_reply WHERE tenant_id = ?", tenantId);
    }

    private static SavedReplyRow row(ResultSet row) throws SQLException {
        return new SavedReplyRow(new SavedReplyId(Jdbc.uuid(row, "id")), row.getString("title"),
                row.getString("shortcut"), row.getString("text"), row.getString("created_by"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), row.getLong("version"));
    }
}
