package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.MentionRows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Unread mentions: one row per (member, conversation, seq) in {@code messaging_mention}, member first in the key so
 * that a member's counts read only their rows; each call one statement.
 */
final class MentionSql implements MentionRows {

    private final Jdbc jdbc;
    private final String tenantId;

    MentionSql(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    @Override
    public void insert(ConversationId id, long seq, Collection<String> teamMemberIds) {
        List<Object[]> rows = new ArrayList<>(teamMemberIds.size());
        for (String member : teamMemberIds) {
            rows.add(new Object[]{tenantId, member, id.value(), seq});
        }
        jdbc.batch("INSERT INTO messaging_mention (tenant_id, team_member_id, conversation_id, seq)"
                + " VALUES (?, ?, ?, ?)", rows);
    }

    @Override
    public void markRead(ConversationId id, String teamMemberId, long seq) {
        jdbc.update("DELETE FROM messaging_mention WHERE tenant_id = ? AND team_member_id = ? AND conversation_id = ?"
                + " AND seq <= ?", tenantId, teamMemberId, id.value(), seq);
    }

    @Override
    public void deleteOfMessage(ConversationId id, long seq) {
        jdbc.update("DELETE FROM messaging_mention WHERE tenant_id = ? AND conversation_id = ? AND seq = ?",
                tenantId, id.value(), seq);
    }

    @Override
    public void deleteOfMember(ConversationId id, String teamMemberId) {
        jdbc.update("DELETE FROM messaging_mention WHERE tenant_id = ? AND team_member_id = ? AND conversation_id = ?",
                tenantId, teamMemberId, id.value());
    }

    @Override
    public void deleteOfMember(String teamMemberId) {
        jdbc.update("DELETE FROM messaging_mention WHERE tenant_id = ? AND team_member_id = ?", tenantId,
                teamMemberId);
    }

    @Override
    public void deleteOfConversation(ConversationId id) {
        jdbc.update("DELETE FROM messaging_mention WHERE tenant_id = ? AND conversation_id = ?", tenantId,
                id.value());
    }

    @Override
    public Map<ConversationId, Long> unread(String teamMemberId) {
        record Count(ConversationId conversation, long mentions) {
        }
        Map<ConversationId, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT conversation_id, COUNT(*) AS mentions FROM messaging_mention WHERE tenant_id = ?"
                        + " AND team_member_id = ? GROUP BY conversation_id",
                row -> new Count(new ConversationId(row.getObject(1, UUID.class)), row.getLong(2)),
                tenantId, teamMemberId).forEach(count -> counts.put(count.conversation(), count.mentions()));
        return counts;
    }
}
