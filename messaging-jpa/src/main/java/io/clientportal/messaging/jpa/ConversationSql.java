package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationRows;
import io.clientportal.messaging.spi.LockedConversation;
import io.clientportal.messaging.spi.ParticipantRow;
import io.clientportal.messaging.spi.SeqReservation;
import io.clientportal.messaging.spi.SeqTaken;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.clientportal.messaging.jpa.Jdbc.uuid;

/** Conversations and their participants, in native SQL (the seq counter lives on the conversation row). */
final class ConversationSql implements ConversationRows {

    private static final String SELECT = "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM messaging_conversation c";

    /** A directory row's column by key, as a scalar subquery of conversation {@code c}; parameter: the id. */
    private static final String MEMBER = " FROM messaging_team_member t WHERE t.tenant_id = c.tenant_id AND t.id = ?)";
    private static final String USER = " FROM messaging_client_user u WHERE u.tenant_id = c.tenant_id AND u.id = ?)";

    /**
     * {@link #lockFor} a team member: the conversation's columns, then the member's name and role and their access;
     * parameters: the member's id (three times), tenant, id. Without the lock clause (see {@link #lockFor}).
     */
    private static final String LOCK_FOR_TEAM_MEMBER = "SELECT " + Rows.CONVERSATION_COLUMNS
            + ", (SELECT t.display_name" + MEMBER + ", (SELECT t.role" + MEMBER + ", (SELECT p.access"
            + " FROM messaging_participant p WHERE p.tenant_id = c.tenant_id AND p.conversation_id = c.id"
            + " AND p.team_member_id = ?) FROM messaging_conversation c WHERE c.tenant_id = ? AND c.id = ?";

    /** {@link #LOCK_FOR_TEAM_MEMBER} taking the row lock (PostgreSQL: the lock and the read in one round trip). */
    private static final String LOCK_FOR_TEAM_MEMBER_FOR_UPDATE = LOCK_FOR_TEAM_MEMBER + " FOR UPDATE";

    /**
     * {@link #lockFor} a client user: the conversation's columns, then the user's account and name; parameters: the
     * user's id (twice), tenant, id. Without the lock clause.
     */
    private static final String LOCK_FOR_CLIENT_USER = "SELECT " + Rows.CONVERSATION_COLUMNS
            + ", (SELECT u.account_id" + USER + ", (SELECT u.display_name" + USER
            + " FROM messaging_conversation c WHERE c.tenant_id = ? AND c.id = ?";

    /** {@link #LOCK_FOR_CLIENT_USER} taking the row lock. */
    private static final String LOCK_FOR_CLIENT_USER_FOR_UPDATE = LOCK_FOR_CLIENT_USER + " FOR UPDATE";

    /** The first column after the conversation's in {@link #LOCK_FOR_TEAM_MEMBER} and {@link #LOCK_FOR_CLIENT_USER}. */
    private static final int AFTER_CONVERSATION = 1 + Rows.ConversationReader.COLUMNS;

    private final Jdbc jdbc;
    private final String tenantId;
    private final KeptCounts counts;
    /**
     * Reads the conversation columns that {@link #SELECT} and the lock reads start with, by position: a label lookup
     * makes H2 build a map of every label of the statement.
     */
    private final Rows.ConversationReader conversations;

    ConversationSql(Jdbc jdbc, String tenantId, KeptCounts counts) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.counts = counts;
        this.conversations = new Rows.ConversationReader(jdbc.platform(), 1);
    }

    @Override
    public void insert(ConversationRow c) {
        jdbc.update("INSERT INTO messaging_conversation (tenant_id, id, client_account_id, client_name, last_seq,"
                        + " created_at, last_message_at, activity_at, assignee_id, team_status, team_changed_at,"
                        + " last_client_seq, last_client_message_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenantId, c.id().value(), c.clientAccountId(), c.clientName(), c.lastSeq(), c.createdAt(),
                c.lastMessageAt() == null ? Jdbc.NULL_TIMESTAMP : c.lastMessageAt(), c.activityAt(),
                c.assigneeId() == null ? Jdbc.NULL_TEXT : c.assigneeId(), c.teamStatus(),
                c.teamChangedAt() == null ? Jdbc.NULL_TIMESTAMP : c.teamChangedAt(),
                c.lastClientSeq(), c.lastClientMessageAt() == null ? Jdbc.NULL_TIMESTAMP : c.lastClientMessageAt());
    }

    @Override
    public Optional<ConversationRow> find(ConversationId id) {
        return jdbc.queryOne(SELECT + " WHERE c.tenant_id = ? AND c.id = ?", conversations::conversation,
                tenantId, id.value());
    }

    @Override
    public Optional<ConversationRow> ofAccount(String clientAccountId) {
        return jdbc.queryOne(SELECT + " WHERE c.tenant_id = ? AND c.client_account_id = ?",
                conversations::conversation, tenantId, clientAccountId);
    }

    @Override
    public void rename(ConversationId id, String clientName) {
        jdbc.update("UPDATE messaging_conversation SET client_name = ? WHERE tenant_id = ? AND id = ?", clientName,
                tenantId, id.value());
    }

    @Override
    public void setAssignee(ConversationId id, String assigneeId, Instant changedAt) {
        jdbc.update("UPDATE messaging_conversation SET assignee_id = ?, team_changed_at = ? WHERE tenant_id = ?"
                + " AND id = ?", assigneeId == null ? Jdbc.NULL_TEXT : assigneeId, changedAt, tenantId, id.value());
    }

    @Override
    public void setTeamStatus(ConversationId id, ConversationStatus status, Instant changedAt) {
        jdbc.update("UPDATE messaging_conversation SET team_status = ?, team_changed_at = ? WHERE tenant_id = ?"
                + " AND id = ?", status, changedAt, tenantId, id.value());
    }

    /** One conditional update of the row the post has locked: nothing is written while it is open already. */
    @Override
    public boolean reopen(ConversationId id, Instant at) {
        return jdbc.update("UPDATE messaging_conversation SET team_status = ?, team_changed_at = ? WHERE tenant_id = ?"
                + " AND id = ? AND team_status <> ?", ConversationStatus.OPEN, at, tenantId, id.value(),
                ConversationStatus.OPEN) > 0;
    }

    @Override
    public List<ConversationId> unassignEverywhere(String teamMemberId, Instant at) {
        return jdbc.query(jdbc.platform().returning("UPDATE messaging_conversation SET assignee_id = NULL,"
                        + " team_changed_at = ? WHERE tenant_id = ? AND assignee_id = ?", "id"),
                row -> new ConversationId(uuid(row, "id")), at, tenantId, teamMemberId);
    }

    /**
     * Deletes a conversation with everything stored under it, in a handful of set-based statements, its counts
     * first taken out of the tenant's and its readers' totals (under its lock, which the first statement takes).
     */
    @Override
    public void delete(ConversationId id) {
        Optional<Long> countable = jdbc.queryOne("SELECT countable FROM messaging_conversation WHERE tenant_id = ?"
                + " AND id = ? FOR UPDATE", row -> row.getLong(1), tenantId, id.value());
        if (countable.isEmpty()) {
            return;
        }
        counts.locked(id.value());
        counts.addToTenant(-countable.get());
        counts.takeFromReaders(id.value(), "h.read_count", "");
        counts.addParticipations(-1, " AND p.conversation_id = ?", id.value());
        for (String table : List.of("messaging_message", "messaging_participant", "messaging_read_horizon",
                "messaging_announcement_target")) {
            jdbc.update("DELETE FROM " + table + " WHERE tenant_id = ? AND conversation_id = ?", tenantId,
                    id.value());
        }
        jdbc.update("DELETE FROM messaging_conversation WHERE tenant_id = ? AND id = ?", tenantId, id.value());
    }

    /** Takes the next seq under the conversation's row lock (held to commit). */
    @Override
    public Optional<SeqTaken> takeSeq(ConversationId id, Instant at) {
        return takeSeq(id, at, false);
    }

    @Override
    public Optional<SeqTaken> takeSeq(ConversationId id, Instant at, boolean internal) {
        return counted(id, jdbc.queryOne(StatementTexts.of("takeSeq", jdbc.platform(), internal ? 1 : 0,
                        () -> jdbc.platform().nextSeqSql("c.last_seq, c.last_message_at, c.last_client_seq", "",
                                internal)),
                row -> new SeqTaken(row.getLong(1), Jdbc.instant(row, 2, jdbc.platform()), row.getLong(3)),
                withSeqParameters(at, internal, tenantId, id.value())), SeqTaken::at);
    }

    /**
     * The parameters of {@link Platform#nextSeqSql(String, String, boolean)}: the time four times (six for a
     * message that is not internal), then {@code rest}.
     */
    private static Object[] withSeqParameters(Instant at, boolean internal, Object... rest) {
        int times = internal ? 4 : 6;
        Object[] all = new Object[times + rest.length];
        java.util.Arrays.fill(all, 0, times, at);
        System.arraycopy(rest, 0, all, times, rest.length);
        return all;
    }

    /**
     * After a seq was taken (the conversation's countable raised with it): the lock held, the tenant's raised, the
     * participants' rows moved to the new activity ({@code activity} of what was taken) and their totals raised.
     */
    private <T> Optional<T> counted(ConversationId id, Optional<T> taken,
                                    java.util.function.Function<T, Instant> activity) {
        if (taken.isPresent()) {
            counts.locked(id.value());
            counts.addToTenant(1);
            counts.seqTaken(id.value(), activity.apply(taken.get()));
        }
        return taken;
    }

    /**
     * {@link #takeSeq} joined with the author's directory row (and participant row), with the team status the
     * post may reopen: a post's one statement.
     */
    Optional<SeqReservation> takeSeqFor(ConversationId id, Actor author, Instant at, boolean internal) {
        if (author.isTeamMember()) {
            return counted(id, jdbc.queryOne(StatementTexts.of("takeSeqFor.team", jdbc.platform(), internal ? 1 : 0,
                            () -> jdbc.platform().nextSeqSql("c.last_seq, c.client_account_id, t.display_name,"
                                    + " t.role, p.access, c.last_message_at, c.last_client_seq, c.team_status",
                                    " LEFT JOIN messaging_team_member t ON t.tenant_id = c.tenant_id"
                                    + " AND t.id = ? LEFT JOIN messaging_participant p ON p.tenant_id = c.tenant_id"
                                    + " AND p.conversation_id = c.id AND p.team_member_id = ?", internal)),
                    row -> {
                        String name = row.getString(3);
                        String access = row.getString(5);
                        return new SeqReservation(row.getLong(1), row.getString(2), name == null ? null
                                : new TeamMemberRow(author.id(), name, TeamRole.valueOf(row.getString(4))), null,
                                access == null ? null : Access.valueOf(access), Jdbc.instant(row, 6, jdbc.platform()),
                                row.getLong(7), Rows.status(row.getString(8)));
                    }, withSeqParameters(at, internal, tenantId, id.value(), author.id(), author.id())),
                    SeqReservation::at);
        }
        return counted(id, jdbc.queryOne(StatementTexts.of("takeSeqFor.client", jdbc.platform(), internal ? 1 : 0,
                        () -> jdbc.platform().nextSeqSql("c.last_seq, c.client_account_id, u.account_id,"
                                + " u.display_name, c.last_message_at, c.last_client_seq, c.team_status",
                                " LEFT JOIN messaging_client_user u ON u.tenant_id = c.tenant_id AND u.id = ?",
                                internal)),
                row -> {
                    String accountId = row.getString(3);
                    return new SeqReservation(row.getLong(1), row.getString(2), null, accountId == null ? null
                            : new ClientUserRow(author.id(), accountId, row.getString(4)), null,
                            Jdbc.instant(row, 5, jdbc.platform()), row.getLong(6),
                            Rows.status(row.getString(7)));
                }, withSeqParameters(at, internal, tenantId, id.value(), author.id())), SeqReservation::at);
    }

    /**
     * The conversation's row locked and read with the actor's directory row (and participant row) as scalar
     * subqueries by key: one statement, which locks only the conversation's row (a join would lock the member's row
     * on H2, and make the same member's reads in other conversations wait).
     */
    Optional<LockedConversation> lockFor(ConversationId id, Actor actor) {
        boolean h2 = jdbc.platform() == Platform.H2;
        if (h2) {
            // H2 keeps no SELECT ... FOR UPDATE in its statement cache, so this statement was parsed anew for every
            // read (a fifth of a mark-read's time): the row is locked by a small statement first, then read by a
            // cached one (at READ COMMITTED it reads the row as the lock found it).
            counts.lock(id.value());
        }
        Optional<LockedConversation> locked;
        if (actor.isTeamMember()) {
            locked = jdbc.queryOne(h2 ? LOCK_FOR_TEAM_MEMBER : LOCK_FOR_TEAM_MEMBER_FOR_UPDATE,
                    row -> {
                        String name = row.getString(AFTER_CONVERSATION);
                        String access = row.getString(AFTER_CONVERSATION + 2);
                        return new LockedConversation(conversations.conversation(row), name == null ? null
                                : new TeamMemberRow(actor.id(), name,
                                TeamRole.valueOf(row.getString(AFTER_CONVERSATION + 1))),
                                null, access == null ? null : Access.valueOf(access));
                    }, actor.id(), actor.id(), actor.id(), tenantId, id.value());
        } else {
            locked = jdbc.queryOne(h2 ? LOCK_FOR_CLIENT_USER : LOCK_FOR_CLIENT_USER_FOR_UPDATE,
                    row -> {
                        String accountId = row.getString(AFTER_CONVERSATION);
                        return new LockedConversation(conversations.conversation(row), null, accountId == null ? null
                                : new ClientUserRow(actor.id(), accountId, row.getString(AFTER_CONVERSATION + 1)),
                                null);
                    }, actor.id(), actor.id(), tenantId, id.value());
        }
        locked.ifPresent(found -> counts.locked(id.value()));
        return locked;
    }

    // --- participants ----------------------------------------------------------------------------------------

    @Override
    public Optional<Access> participantAccess(ConversationId id, String teamMemberId) {
        return jdbc.queryOne("SELECT access FROM messaging_participant WHERE tenant_id = ? AND conversation_id = ?"
                        + " AND team_member_id = ?", row -> Access.valueOf(row.getString(1)), tenantId, id.value(),
                teamMemberId);
    }

    /** The accounts of the conversations among {@code ids} that exist, in one query. */
    @Override
    public Map<ConversationId, String> accounts(Collection<ConversationId> ids) {
        Map<ConversationId, String> accounts = new HashMap<>();
        if (ids.isEmpty()) {
            return accounts;
        }
        jdbc.query("SELECT c.id, c.client_account_id FROM " + idTable() + " JOIN messaging_conversation c"
                        + " ON c.tenant_id = ? AND c.id = t.k",
                row -> accounts.put(new ConversationId(uuid(row, "id")), row.getString("client_account_id")),
                idArray(ids), tenantId);
        return accounts;
    }

    /**
     * The given ids as a table {@code t(k)} ({@link Platform#idTableSql}: scanning the tenant's rows instead made the
     * relay's look-ups for each batch cost a scan of every conversation).
     */
    private String idTable() {
        return jdbc.platform().idTableSql();
    }

    private Jdbc.SqlArray idArray(Collection<ConversationId> ids) {
        return jdbc.uuids(ids.stream().map(ConversationId::value).toList());
    }

    /** The stored access of each (conversation, member) pair among the given that is a participant, in one query. */
    @Override
    public Map<ConversationId, Map<String, Access>> participantAccesses(Collection<ConversationId> ids,
                                                                        Collection<String> teamMemberIds) {
        Map<ConversationId, Map<String, Access>> accesses = new HashMap<>();
        if (ids.isEmpty() || teamMemberIds.isEmpty()) {
            return accesses;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(idArray(ids));
        parameters.add(tenantId);
        parameters.addAll(teamMemberIds);
        jdbc.query("SELECT p.conversation_id, p.team_member_id, p.access FROM " + idTable()
                        + " JOIN messaging_participant p ON p.tenant_id = ? AND p.conversation_id = t.k"
                        + " WHERE p.team_member_id IN (" + AttachmentSql.markers(teamMemberIds.size()) + ")",
                row -> accesses.computeIfAbsent(new ConversationId(uuid(row, "conversation_id")),
                        k -> new HashMap<>()).put(row.getString("team_member_id"), Access.valueOf(row.getString(
                        "access"))), parameters.toArray());
        return accesses;
    }

    /** Unsorted: the core orders them (by its own collation, the same on every store). */
    @Override
    public List<ParticipantRow> participants(ConversationId id) {
        return jdbc.query("SELECT p.team_member_id, t.display_name,"
                        + " t.role, p.access FROM messaging_participant p JOIN messaging_team_member t"
                        + " ON t.tenant_id = p.tenant_id AND t.id = p.team_member_id"
                        + " WHERE p.tenant_id = ? AND p.conversation_id = ?",
                row -> new ParticipantRow(new TeamMemberRow(row.getString(1), row.getString(2),
                        TeamRole.valueOf(row.getString(3))), Access.valueOf(row.getString(4))), tenantId, id.value());
    }

    /**
     * A new participant row takes the conversation's activity (what orders the member's inbox) and, under the
     * conversation's lock, adds what the member has unread there to their participant total.
     */
    @Override
    public void saveParticipant(ConversationId id, String teamMemberId, Access access) {
        int updated = jdbc.update("UPDATE messaging_participant SET access = ? WHERE tenant_id = ?"
                + " AND conversation_id = ? AND team_member_id = ?", access, tenantId, id.value(), teamMemberId);
        if (updated == 0) {
            counts.lock(id.value());
            if (jdbc.update("INSERT INTO messaging_participant (tenant_id, conversation_id, team_member_id, access,"
                            + " activity_at) SELECT ?, ?, ?, ?, activity_at FROM messaging_conversation"
                            + " WHERE tenant_id = ? AND id = ?",
                    tenantId, id.value(), teamMemberId, access, tenantId, id.value()) > 0) {
                counts.addParticipations(1, PARTICIPATION, id.value(), teamMemberId);
            }
        }
    }

    private static final String PARTICIPATION = " AND p.conversation_id = ? AND p.team_member_id = ?";

    /** Under the conversation's lock: what the member has unread there leaves their total, then the row. */
    @Override
    public boolean deleteParticipant(ConversationId id, String teamMemberId) {
        counts.lock(id.value());
        counts.addParticipations(-1, PARTICIPATION, id.value(), teamMemberId);
        return jdbc.update("DELETE FROM messaging_participant WHERE tenant_id = ? AND conversation_id = ?"
                + " AND team_member_id = ?", tenantId, id.value(), teamMemberId) > 0;
    }

    /**
     * Every conversation of the member locked first (in one statement, in id order, as concurrent ones take them),
     * then what they have unread in them leaves their total in one statement, then the rows.
     */
    @Override
    public List<ConversationId> deleteParticipations(String teamMemberId) {
        for (UUID locked : jdbc.query("SELECT c.id FROM messaging_conversation c WHERE c.tenant_id = ?"
                + " AND c.id IN (SELECT p.conversation_id FROM messaging_participant p WHERE p.tenant_id = ?"
                + " AND p.team_member_id = ?) ORDER BY c.id FOR UPDATE", row -> uuid(row, "id"), tenantId, tenantId,
                teamMemberId)) {
            counts.locked(locked);
        }
        counts.addParticipations(-1, " AND p.team_member_id = ?", teamMemberId);
        return jdbc.query(jdbc.platform().returning("DELETE FROM messaging_participant WHERE tenant_id = ?"
                        + " AND team_member_id = ?", "conversation_id"),
                row -> new ConversationId(uuid(row, "conversation_id")), tenantId, teamMemberId);
    }

    @Override
    public List<ConversationId> setAccessEverywhere(String teamMemberId, Access access) {
        return jdbc.query(jdbc.platform().returning("UPDATE messaging_participant SET access = ?"
                        + " WHERE tenant_id = ? AND team_member_id = ? AND access <> ?", "conversation_id"),
                row -> new ConversationId(uuid(row, "conversation_id")), access, tenantId, teamMemberId, access);
    }
}
