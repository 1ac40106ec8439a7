package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AnnouncementChunk;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.AnnouncementRows;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.SearchWords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static io.clientportal.messaging.jpa.Jdbc.uuid;

/**
 * Announcements: their row (an entity: written a few times per announcement), their targets and their set-based
 * delivery, one statement (or two on H2) per chunk.
 */
final class AnnouncementSql implements AnnouncementRows {

    private static final String INSERT_MESSAGE = "INSERT INTO messaging_message (tenant_id, conversation_id, seq, id,"
            + " author_kind, author_id, author_name, text, highlighted, announcement_id, client_message_id,"
            + " created_at, edited_at, deleted_at, search_text, client_seq)";

    /** An announcement's copy is a message every participant sees: it takes a client seq too (2 parameters: at). */
    private static final String NEXT_CLIENT_SEQ = ", last_client_seq = c.last_client_seq + 1,"
            + " client_countable = c.client_countable + 1, last_client_message_at = " + Platform.LATER_MESSAGE_AT;

    /**
     * PostgreSQL: bump the seq of every listed conversation that exists and has no message of the announcement
     * yet, and insert its message, in one statement. A concurrent delivery of the same chunk on another node hits
     * the unique (announcement, conversation) key and rolls back instead of leaving a seq without a message.
     * "No message yet" is a LIMIT 1 probe per listed conversation: as a NOT EXISTS, the generic plan of the
     * prepared statement (estimating one message per announcement) scanned all the announcement's messages so far
     * for every conversation of the chunk, which made a 100,000-client announcement quadratic (40 s per chunk).
     */
    private static final String DELIVER_POSTGRESQL = "WITH input AS (SELECT t.conversation_id, t.message_id"
            + " FROM unnest(CAST(? AS UUID[]), CAST(? AS UUID[])) AS t(conversation_id, message_id)"
            + " LEFT JOIN LATERAL (SELECT 1 AS found FROM messaging_message d WHERE d.tenant_id = ?"
            + " AND d.announcement_id = ? AND d.conversation_id = t.conversation_id LIMIT 1) done ON TRUE"
            + " WHERE done.found IS NULL),"
            + " bumped AS (UPDATE messaging_conversation c SET last_seq = c.last_seq + 1, countable = c.countable + 1,"
            + " last_message_at = " + Platform.LATER_MESSAGE_AT + ", activity_at = " + Platform.LATER_MESSAGE_AT
            + NEXT_CLIENT_SEQ
            + " FROM input i WHERE c.tenant_id = ? AND c.id = i.conversation_id"
            + " RETURNING c.id AS conversation_id, c.last_seq AS seq, i.message_id AS message_id,"
            + " c.last_message_at AS created_at, c.last_client_seq AS client_seq) "
            + INSERT_MESSAGE + " SELECT ?, b.conversation_id, b.seq, b.message_id, ?, ?, ?, ?, ?, ?, NULL,"
            + " b.created_at, NULL, NULL, ?, b.client_seq FROM bumped b"
            + " RETURNING conversation_id, seq, id, created_at, client_seq";

    /**
     * H2: the chunk's conversations as a table joined on the primary key, so each is one index lookup. (H2 uses an
     * index for neither {@code id IN (...)} after {@code tenant_id = ?} nor {@code = ANY(array)}: both scan the
     * tenant's conversations once per chunk, which made a 100,000-client announcement quadratic.)
     */
    private static final String BUMP_H2 = "SELECT id, last_seq, last_message_at, last_client_seq FROM FINAL TABLE"
            + " (MERGE INTO messaging_conversation c"
            + " USING (SELECT t.k FROM TABLE(k UUID = ?) t WHERE NOT EXISTS (SELECT 1 FROM messaging_message d"
            + " WHERE d.tenant_id = ? AND d.announcement_id = ? AND d.conversation_id = t.k)) s"
            + " ON c.tenant_id = ? AND c.id = s.k"
            + " WHEN MATCHED THEN UPDATE SET last_seq = c.last_seq + 1, countable = c.countable + 1, last_message_at = "
            + Platform.LATER_MESSAGE_AT + ", activity_at = " + Platform.LATER_MESSAGE_AT + NEXT_CLIENT_SEQ + ")";

    /** The unit's entity manager: a read unit on a bare connection opens one only when it is asked for. */
    private final Supplier<EntityManager> entityManager;
    private final Jdbc jdbc;
    private final String tenantId;
    private final KeptCounts counts;

    AnnouncementSql(Supplier<EntityManager> entityManager, Jdbc jdbc, String tenantId, KeptCounts counts) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.counts = counts;
    }

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public void insert(AnnouncementRow announcement) {
        em().persist(new AnnouncementEntity(tenantId, announcement));
        em().flush();
    }

    private AnnouncementEntity entity(AnnouncementId id) {
        return em().find(AnnouncementEntity.class, new UuidKey(tenantId, id.value()));
    }

    @Override
    public Optional<AnnouncementRow> find(AnnouncementId id) {
        return Optional.ofNullable(entity(id)).map(AnnouncementEntity::toRow);
    }

    @Override
    public Optional<AnnouncementRow> lock(AnnouncementId id) {
        AnnouncementEntity entity = entity(id);
        if (entity == null) {
            return Optional.empty();
        }
        // Refreshed under the lock: what this unit may have read before is not what it writes progress from.
        em().refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(entity.toRow());
    }

    @Override
    public void update(AnnouncementRow announcement) {
        AnnouncementEntity entity = entity(announcement.id());
        if (entity != null) {
            entity.updateProgress(announcement);
            em().flush();
        }
    }

    @Override
    public void addTargets(AnnouncementId id, List<ConversationId> conversationIds) {
        // Targets are recorded once, when the announcement is sent; duplicates in the list count once.
        List<Object[]> rows = new ArrayList<>();
        for (ConversationId conversationId : new LinkedHashSet<>(conversationIds)) {
            rows.add(new Object[]{tenantId, id.value(), conversationId.value()});
        }
        jdbc.batch("INSERT INTO messaging_announcement_target (tenant_id, announcement_id, conversation_id)"
                + " VALUES (?, ?, ?)", rows);
    }

    /**
     * Called once, in the unit that creates the announcement, so it has no targets yet. (An anti-join against the
     * targets it is inserting made PostgreSQL, whose statistics still called the table empty, scan it once per
     * row: quadratic, a minute for 100,000 clients.)
     */
    @Override
    public int addAllConversationsAsTargets(AnnouncementId id) {
        return jdbc.update("INSERT INTO messaging_announcement_target (tenant_id, announcement_id, conversation_id)"
                + " SELECT c.tenant_id, ?, c.id FROM messaging_conversation c WHERE c.tenant_id = ?", id.value(),
                tenantId);
    }

    @Override
    public List<ConversationId> targets(AnnouncementId id, ConversationId after, int limit) {
        String sql = "SELECT conversation_id FROM messaging_announcement_target WHERE tenant_id = ?"
                + " AND announcement_id = ?" + (after == null ? "" : " AND conversation_id > ?")
                // The key's equality columns lead the order: only then does H2 read the key in order and stop at
                // the chunk (else every chunk read and sorted all targets after it: 50,054 rows for one of 5,000).
                + " ORDER BY tenant_id, announcement_id, conversation_id LIMIT ?";
        Object[] parameters = after == null ? new Object[]{tenantId, id.value(), limit}
                : new Object[]{tenantId, id.value(), after.value(), limit};
        return jdbc.query(sql, row -> new ConversationId(uuid(row, "conversation_id")), parameters);
    }

    @Override
    public List<MessageRow> deliver(AnnouncementChunk chunk) {
        if (chunk.conversationIds().isEmpty()) {
            return List.of();
        }
        MessageRow a = chunk.message();
        Map<UUID, Written> written = new HashMap<>();
        if (jdbc.platform() == Platform.POSTGRESQL) {
            List<UUID> conversations = chunk.conversationIds().stream().map(ConversationId::value).toList();
            List<UUID> messages = chunk.messageIds().stream().map(MessageId::value).toList();
            for (Written w : jdbc.query(DELIVER_POSTGRESQL, AnnouncementSql::written,
                    jdbc.uuids(conversations), jdbc.uuids(messages), tenantId, a.announcementId().value(),
                    chunk.at(), chunk.at(), chunk.at(), chunk.at(), chunk.at(), chunk.at(), tenantId, tenantId,
                    a.author().kind(), a.author().id(), a.authorName(), a.text(), a.highlighted(),
                    a.announcementId().value(), SearchWords.indexText(a.text()))) {
                written.put(w.conversationId(), w);
            }
        } else {
            deliverOnH2(chunk, written);
        }
        List<MessageRow> delivered = new ArrayList<>(written.size());
        for (ConversationId conversationId : chunk.conversationIds()) {
            Written w = written.get(conversationId.value());
            if (w != null) {
                counts.locked(conversationId.value());
                // As written: no client message id, edit or delete (the statements store none).
                delivered.add(new MessageRow(new MessageId(w.messageId()), conversationId, w.seq(), a.author(),
                        a.authorName(), a.text(), List.of(), a.highlighted(), a.announcementId(), null,
                        w.createdAt(), null, null, List.of(), false, w.clientSeq()));
            }
        }
        if (!delivered.isEmpty()) {
            counts.addToTenant(delivered.size());
            counts.seqsTaken(delivered.stream().map(m -> m.conversationId().value()).toList());
        }
        return delivered;
    }

    /** H2 has no data-changing CTEs: bump the seqs set-based, then insert the messages in one JDBC batch. */
    private void deliverOnH2(AnnouncementChunk chunk, Map<UUID, Written> written) {
        MessageRow a = chunk.message();
        Map<UUID, UUID> messageIdByConversation = new HashMap<>();
        for (int i = 0; i < chunk.conversationIds().size(); i++) {
            messageIdByConversation.put(chunk.conversationIds().get(i).value(), chunk.messageIds().get(i).value());
        }
        List<UUID> conversations = chunk.conversationIds().stream().map(ConversationId::value).toList();
        Object[] parameters = {jdbc.uuids(conversations), tenantId, a.announcementId().value(), tenantId, chunk.at(),
                chunk.at(), chunk.at(), chunk.at(), chunk.at(), chunk.at()};
        List<Object[]> rows = new ArrayList<>();
        String searchText = SearchWords.indexText(a.text());
        for (Written bumped : jdbc.query(BUMP_H2, row -> {
                    UUID conversationId = uuid(row, "id");
                    return new Written(conversationId, row.getLong("last_seq"),
                            messageIdByConversation.get(conversationId), Jdbc.instant(row, "last_message_at"),
                            row.getLong("last_client_seq"));
                }, parameters)) {
            written.put(bumped.conversationId(), bumped);
            rows.add(new Object[]{tenantId, bumped.conversationId(), bumped.seq(), bumped.messageId(),
                    a.author().kind(), a.author().id(), a.authorName(), a.text(), a.highlighted(),
                    a.announcementId().value(), bumped.createdAt(), searchText, bumped.clientSeq()});
        }
        jdbc.batch(INSERT_MESSAGE + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?, ?)", rows);
    }

    /** A message a chunk wrote: its conversation, seq, id and creation time (when its seq was taken). */
    private record Written(UUID conversationId, long seq, UUID messageId, java.time.Instant createdAt,
                           long clientSeq) {
    }

    private static Written written(ResultSet row) throws SQLException {
        return new Written(uuid(row, "conversation_id"), row.getLong("seq"), uuid(row, "id"),
                Jdbc.instant(row, "created_at"), row.getLong("client_seq"));
    }

    /** The reader kind is written into the statement (an enum name), as the client users' count always was. */
    @Override
    public int readCount(AnnouncementId id, Actor.Kind readerKind) {
        return (int) jdbc.queryLong("SELECT COUNT(*) FROM messaging_message m WHERE m.tenant_id = ?"
                + " AND m.announcement_id = ? AND EXISTS (SELECT 1 FROM messaging_read_horizon h"
                + " WHERE h.tenant_id = m.tenant_id AND h.conversation_id = m.conversation_id"
                + " AND h.reader_kind = '" + readerKind.name() + "' AND h.last_read_seq >= m."
                + (readerKind == Actor.Kind.TEAM_MEMBER ? "seq" : "client_seq") + ")", tenantId,
                id.value());
    }

    /**
     * Claims unfinished announcements of every tenant that no node holds at {@code now}: the rows are locked with
     * {@code FOR UPDATE SKIP LOCKED} (so a row a chunk is delivering, or another node is claiming, is passed over)
     * and given the new lease before commit. The condition is {@code AnnouncementRow.claimableAt}'s, in SQL.
     */
    static List<PendingAnnouncement> claim(Jdbc jdbc, String owner, Instant now, Instant leaseUntil, int limit) {
        List<PendingAnnouncement> free = jdbc.query("SELECT tenant_id, id FROM messaging_announcement"
                        + " WHERE status IN ('QUEUED', 'SENDING') AND (lease_until IS NULL OR lease_until <= ?)"
                        + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED",
                row -> new PendingAnnouncement(row.getString("tenant_id"), new AnnouncementId(uuid(row, "id"))),
                now, limit);
        List<Object[]> rows = new ArrayList<>(free.size());
        for (PendingAnnouncement pending : free) {
            rows.add(new Object[]{owner, leaseUntil, pending.tenantId(), pending.id().value()});
        }
        jdbc.batch("UPDATE messaging_announcement SET lease_owner = ?, lease_until = ? WHERE tenant_id = ?"
                + " AND id = ?", rows);
        return free;
    }

    @Override
    public boolean deliveredToParticipant(AnnouncementId id, String teamMemberId) {
        return jdbc.queryOne("SELECT 1 FROM messaging_message m JOIN messaging_participant p"
                        + " ON p.tenant_id = m.tenant_id AND p.conversation_id = m.conversation_id"
                        + " WHERE m.tenant_id = ? AND m.announcement_id = ? AND p.team_member_id = ? LIMIT 1",
                row -> Boolean.TRUE, tenantId, id.value(), teamMemberId).isPresent();
    }
}
