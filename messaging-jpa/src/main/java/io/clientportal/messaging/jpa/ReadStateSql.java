package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.MessageFilter;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ReadHorizonRow;
import io.clientportal.messaging.spi.ReadStateRows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Read horizons, the counts kept beside them ({@link ReadStateRows}) and the inbox: hot paths, each a fixed number
 * of statements, none of which grows with the tenant.
 */
final class ReadStateSql implements ReadStateRows {

    private static final String HORIZON_JOIN = " LEFT JOIN messaging_read_horizon h ON h.tenant_id = c.tenant_id"
            + " AND h.conversation_id = c.id AND h.reader_kind = ? AND h.reader_id = ?";

    /** A reader's count in conversation {@code c} with horizon {@code h} (joined as {@link #HORIZON_JOIN}). */
    private static final String KEPT_COUNT = "c.countable - COALESCE(h.read_count, 0)";

    /**
     * A reader's read count in conversation {@code c}, as a probe of the horizon's key; parameters: reader kind and
     * id (each {@link #opaque}). (Joined instead, PostgreSQL, expecting a reader to have few horizons, read all of
     * the tenant's for a page.)
     */
    private static final String READ_COUNT_OF_C = "COALESCE((SELECT h.read_count FROM messaging_read_horizon h"
            + " WHERE h.tenant_id = c.tenant_id AND h.conversation_id = c.id AND h.reader_kind = %s"
            + " AND h.reader_id = %s), 0)";

    private final Jdbc jdbc;
    private final String tenantId;
    private final AttachmentSql attachments;
    private final KeptCounts counts;

    ReadStateSql(Jdbc jdbc, String tenantId, AttachmentSql attachments, KeptCounts counts) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.attachments = attachments;
        this.counts = counts;
    }

    /**
     * {@link #READ_COUNT_OF_C} with its parameters {@link #opaque}, built once per platform and looked up only by
     * the inbox pages that use it: this object is made for every unit of work, history pages and posts included.
     */
    private String readCountOfC() {
        return StatementTexts.of("readCountOfC", jdbc.platform(), 0,
                () -> READ_COUNT_OF_C.formatted(opaque(), opaque()));
    }

    /** A page's team member probe of their participant row in conversation {@code c}: {@code = ?}, opaque. */
    private String memberIs() {
        return StatementTexts.of("memberIs", jdbc.platform(), 0, () -> " = " + opaque());
    }

    /**
     * A reader's parameter in a page's per-row probes, as a value the planner cannot look up in its statistics: on
     * PostgreSQL an init plan, {@code (SELECT CAST(? AS VARCHAR(255)))}, elsewhere the bare marker. A custom plan for
     * a reader the statistics know to be rare (an owner, who is nobody's participant) costed the probe a little
     * lower than the generic plan could, so PostgreSQL never took the generic plan and planned every page anew
     * (in {@code pg_prepared_statements}: 0 generic plans to 2,621 custom ones per inbox statement; now all but the
     * first five are generic). {@code PostgresPagePlanTests} holds this.
     */
    private String opaque() {
        return jdbc.platform().opaque("VARCHAR(255)");
    }

    private static final String PARTICIPANT_ACTIVITY_IX = "messaging_participant_activity_ix";

    /**
     * On H2, the index a page must walk in activity order. H2 costs the primary key (tenant, id) and a sort of the
     * whole tenant below that index once the table holds a second tenant, so without the hint a page read every
     * conversation of its tenant (100,001 rows for a page of 21 in the benchmark); PostgreSQL needs no hint.
     */
    private String h2Index(String index) {
        return jdbc.platform() == Platform.H2 ? " USE INDEX (" + index + ")" : "";
    }

    /**
     * The page's size as a literal: as a parameter, PostgreSQL's generic plan expects to read a tenth of the rows in
     * scope (it cannot know the limit), which made it look some 25 times dearer than a custom plan for 21 rows, so
     * every page was planned anew. One statement text per page size (sizes are bounded by the limits).
     */
    private static String limit(InboxRequest request) {
        return " LIMIT " + request.limit();
    }

    /**
     * A stored horizon ({@code null}: none) and read count, the read count it would have at the new seq, and whether
     * the reader is a participant of the conversation.
     */
    private record Before(Long horizon, long readCount, long readCountThen, boolean participant) {
    }

    /**
     * The read count at horizon {@code ?} of conversation {@code c} and stored horizon {@code h}: the conversation's
     * countable at its last seq (a post, and most reads); else the old count plus what was newly read, counted over
     * the messages between (the reader's own were counted already). Parameters: seq, seq, reader kind, reader id.
     */
    private static final String READ_COUNT_AT = "CASE WHEN ? >= c.last_seq THEN c.countable"
            + " ELSE COALESCE(h.read_count, 0) + (SELECT COUNT(*) FROM messaging_message m"
            + " WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.seq > COALESCE(h.last_read_seq, 0)"
            + " AND m.seq <= ? AND m.deleted_at IS NULL AND NOT (m.author_kind = ? AND m.author_id = ?)) END";

    /** {@link #READ_COUNT_AT} of a client's horizon: in client seqs, over the messages that are not internal. */
    private static final String CLIENT_READ_COUNT_AT = READ_COUNT_AT.replace("c.last_seq", "c.last_client_seq")
            .replace("c.countable", "c.client_countable").replace("m.seq", "m.client_seq")
            .replace("m.deleted_at IS NULL", "m.internal = FALSE AND m.deleted_at IS NULL");

    private static String readCountAt(Actor reader) {
        return reader.isTeamMember() ? READ_COUNT_AT : CLIENT_READ_COUNT_AT;
    }

    /**
     * Under the conversation's lock (a post holds it already; every writer of a horizon or a countable takes it),
     * so what it reads is what it writes over. Without a kept total, one statement that writes the new horizon with
     * its read count where it moves; with one, the horizon is read first for the change of the total.
     */
    @Override
    public boolean advanceHorizon(ConversationId id, Actor reader, long seq, boolean keepTotal) {
        counts.lock(id.value());
        if (!keepTotal) {
            Object[] parameters = {tenantId, id.value(), reader.kind(), reader.id(), seq, seq, seq, reader.kind(),
                    reader.id(), reader.kind(), reader.id(), tenantId, id.value()};
            return jdbc.update(StatementTexts.of("advanceHorizon", jdbc.platform(), reader.isTeamMember() ? 1 : 0,
                    () -> advanceHorizonSql(reader)), parameters) > 0;
        }
        // Whether the reader takes part (their participant total moves with their read count), in the same read.
        Object[] parameters = reader.isTeamMember()
                ? new Object[]{seq, seq, reader.kind(), reader.id(), reader.id(), reader.kind(), reader.id(), tenantId,
                id.value()}
                : new Object[]{seq, seq, reader.kind(), reader.id(), reader.kind(), reader.id(), tenantId, id.value()};
        Before before = jdbc.queryOne(StatementTexts.of("horizonBefore", jdbc.platform(),
                        reader.isTeamMember() ? 1 : 0, () -> horizonBeforeSql(reader)),
                row -> new Before((Long) row.getObject(1, Long.class), row.getLong(2), row.getLong(3),
                        row.getBoolean(4)), parameters).orElse(null);
        if (before == null || (before.horizon() != null && before.horizon() >= seq)) {
            return false;
        }
        long readCount = before.readCountThen();
        if (before.horizon() == null) {
            jdbc.update("INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                    + " last_read_seq, read_count) VALUES (?, ?, ?, ?, ?, ?)", tenantId, id.value(), reader.kind(),
                    reader.id(), seq, readCount);
        } else {
            jdbc.update("UPDATE messaging_read_horizon SET last_read_seq = ?, read_count = ? WHERE tenant_id = ?"
                    + " AND conversation_id = ? AND reader_kind = ? AND reader_id = ?", seq, readCount, tenantId,
                    id.value(), reader.kind(), reader.id());
        }
        long change = readCount - before.readCount();
        counts.addToReader(reader, change, before.participant() ? -change : 0);
        return true;
    }

    /**
     * The statement that writes a horizon and its read count where it moves, for a reader without a kept total. The
     * new row as values: H2 then finds the stored one by its key (joined in a query, it scanned them).
     */
    private String advanceHorizonSql(Actor reader) {
        String readCount = "(SELECT " + readCountAt(reader) + " FROM messaging_conversation c" + HORIZON_JOIN
                + " WHERE c.tenant_id = ? AND c.id = ?)";
        return jdbc.platform() == Platform.POSTGRESQL
                ? "INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                + " last_read_seq, read_count) VALUES (?, ?, ?, ?, ?, " + readCount + ")"
                + " ON CONFLICT ON CONSTRAINT messaging_read_horizon_pk DO UPDATE"
                + " SET last_read_seq = EXCLUDED.last_read_seq, read_count = EXCLUDED.read_count"
                + " WHERE messaging_read_horizon.last_read_seq < EXCLUDED.last_read_seq"
                : "MERGE INTO messaging_read_horizon t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS UUID),"
                + " CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), " + readCount + "))"
                + " s(tenant_id, conversation_id, reader_kind, reader_id, last_read_seq, read_count)"
                + " ON t.tenant_id = s.tenant_id AND t.conversation_id = s.conversation_id"
                + " AND t.reader_kind = s.reader_kind AND t.reader_id = s.reader_id"
                + " WHEN MATCHED AND t.last_read_seq < s.last_read_seq THEN UPDATE"
                + " SET last_read_seq = s.last_read_seq, read_count = s.read_count WHEN NOT MATCHED THEN INSERT"
                + " (tenant_id, conversation_id, reader_kind, reader_id, last_read_seq, read_count)"
                + " VALUES (s.tenant_id, s.conversation_id, s.reader_kind, s.reader_id, s.last_read_seq,"
                + " s.read_count)";
    }

    /**
     * The read of a horizon before it moves, for a reader with a kept total: the stored horizon and read count, the
     * read count at the new seq, and whether the reader takes part (their participant total moves with it).
     */
    private static String horizonBeforeSql(Actor reader) {
        String participates = reader.isTeamMember() ? "EXISTS (SELECT 1 FROM messaging_participant p"
                + " WHERE p.tenant_id = c.tenant_id AND p.conversation_id = c.id AND p.team_member_id = ?)" : "FALSE";
        return "SELECT h.last_read_seq, COALESCE(h.read_count, 0), " + readCountAt(reader) + ", " + participates
                + " FROM messaging_conversation c" + HORIZON_JOIN + " WHERE c.tenant_id = ? AND c.id = ?";
    }

    @Override
    public void uncount(ConversationId id, long seq, Actor author) {
        jdbc.queryOne("SELECT " + Rows.MESSAGE_COLUMNS + " FROM messaging_message m WHERE m.tenant_id = ?"
                + " AND m.conversation_id = ? AND m.seq = ?", new Rows.MessageReader(jdbc.platform(), 1)::message,
                tenantId, id.value(), seq)
                .ifPresent(this::uncount);
    }

    /**
     * The conversation's lock first (its countables), then the tenant's, the readers' totals and their horizons: the
     * team's horizons (in seqs) that reach the message, and, for a message that is not internal, the clients' (in
     * client seqs).
     */
    @Override
    public void uncount(MessageRow message) {
        ConversationId id = message.conversationId();
        if (jdbc.update("UPDATE messaging_conversation SET countable = countable - 1"
                + (message.internal() ? "" : ", client_countable = client_countable - 1")
                + " WHERE tenant_id = ? AND id = ?", tenantId, id.value()) == 0) {
            return;
        }
        counts.locked(id.value());
        counts.addToTenant(-1);
        Actor author = message.author();
        String team = "'" + Actor.Kind.TEAM_MEMBER.name() + "'";
        String reached = " AND ((h.reader_kind = " + team + " AND h.last_read_seq >= ?)"
                + (message.internal() ? "" : " OR (h.reader_kind <> " + team + " AND h.last_read_seq >= ?)")
                + " OR (h.reader_kind = ? AND h.reader_id = ?))";
        Object[] parameters = message.internal()
                ? new Object[]{message.seq(), author.kind(), author.id()}
                : new Object[]{message.seq(), message.clientSeq(), author.kind(), author.id()};
        counts.takeFromReaders(id.value(), "1", reached, parameters);
        // The participants whose read count keeps it (their horizon does not reach it) have one fewer unread.
        Object[] others = new Object[parameters.length + 2];
        others[0] = tenantId;
        others[1] = id.value();
        System.arraycopy(parameters, 0, others, 2, parameters.length);
        counts.addToParticipants("SELECT p.team_member_id AS member, -1 AS amount FROM messaging_participant p"
                + " WHERE p.tenant_id = ? AND p.conversation_id = ? AND NOT EXISTS (SELECT 1"
                + " FROM messaging_read_horizon h WHERE h.tenant_id = p.tenant_id"
                + " AND h.conversation_id = p.conversation_id AND h.reader_id = p.team_member_id"
                + " AND h.reader_kind = " + team + reached + ")", others);
        Object[] all = new Object[parameters.length + 2];
        all[0] = tenantId;
        all[1] = id.value();
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        jdbc.update("UPDATE messaging_read_horizon h SET read_count = read_count - 1 WHERE h.tenant_id = ?"
                + " AND h.conversation_id = ?" + reached, all);
    }

    /**
     * One set-based statement over the conversations (whose locks the delivering unit holds, so no other unit
     * inserts the same horizon meanwhile), and the author's total.
     */
    @Override
    public void countOwn(Actor author, Collection<ConversationId> ids, boolean keepTotal) {
        if (ids.isEmpty()) {
            return;
        }
        Jdbc.SqlArray array = jdbc.uuids(ids.stream().map(ConversationId::value).toList());
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update("INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                    + " last_read_seq, read_count) SELECT ?, t.k, ?, ?, 0, 1 FROM " + jdbc.platform().idTableSql()
                    + " ON CONFLICT ON CONSTRAINT messaging_read_horizon_pk DO UPDATE"
                    + " SET read_count = messaging_read_horizon.read_count + 1", tenantId, author.kind(), author.id(),
                    array);
        } else {
            jdbc.update("MERGE INTO messaging_read_horizon h USING " + jdbc.platform().idTableSql()
                    + " ON h.tenant_id = ? AND h.conversation_id = t.k AND h.reader_kind = ? AND h.reader_id = ?"
                    + " WHEN MATCHED THEN UPDATE SET read_count = h.read_count + 1"
                    + " WHEN NOT MATCHED THEN INSERT (tenant_id, conversation_id, reader_kind, reader_id,"
                    + " last_read_seq, read_count) VALUES (?, t.k, ?, ?, 0, 1)", array, tenantId, author.kind(),
                    author.id(), tenantId, author.kind(), author.id());
        }
        long participations = author.isTeamMember() ? jdbc.queryLong("SELECT COUNT(*) FROM "
                + jdbc.platform().idTableSql() + " JOIN messaging_participant p ON p.tenant_id = ?"
                + " AND p.conversation_id = t.k AND p.team_member_id = ?", array, tenantId, author.id()) : 0;
        if (keepTotal || participations > 0) {
            counts.addToReader(author, keepTotal ? ids.size() : 0, -participations);
        }
    }

    @Override
    public long count(Actor reader, ConversationScope scope, MessageFilter filter) {
        MessageFilter.requireKept(filter);
        if (scope.isAll()) {
            return jdbc.queryLong("SELECT " + KeptCounts.TENANT_COUNTABLE + " - " + KeptCounts.READER_TOTAL_OF,
                    tenantId, tenantId, reader.kind(), reader.id());
        }
        if (scope.participantId() != null) {
            // The member's participant total, kept as rows are written: their slots, whatever they take part in.
            return jdbc.queryLong(KeptCounts.PARTICIPANT_TOTAL_OF, tenantId, scope.participantId());
        }
        String kept = filter.excludeInternal() ? KEPT_COUNT.replace("c.countable", "c.client_countable") : KEPT_COUNT;
        return jdbc.queryLong("SELECT COALESCE(SUM(" + kept + "), 0) FROM messaging_conversation c"
                + HORIZON_JOIN + " WHERE c.tenant_id = ? AND c.id = ?", reader.kind(), reader.id(), tenantId,
                scope.conversationId().value());
    }

    private String scopeFilter(ConversationScope scope, List<Object> parameters) {
        if (scope.conversationId() != null) {
            parameters.add(scope.conversationId().value());
            return " AND c.id = ?";
        }
        if (scope.participantId() != null) {
            parameters.add(scope.participantId());
            return " AND EXISTS (SELECT 1 FROM messaging_participant s WHERE s.tenant_id = c.tenant_id"
                    + " AND s.conversation_id = c.id AND s.team_member_id = ?)";
        }
        return "";
    }

    /** The request's team filters, served by the assignee and team status indexes (V9) in activity order. */
    private static String teamFilter(InboxRequest request, List<Object> parameters) {
        StringBuilder filter = new StringBuilder();
        if (request.assigneeId() != null) {
            filter.append(" AND c.assignee_id = ?");
            parameters.add(request.assigneeId());
        } else if (request.onlyUnassigned()) {
            filter.append(" AND c.assignee_id IS NULL");
        }
        if (request.status() != null) {
            filter.append(" AND c.team_status = ?");
            parameters.add(request.status());
        }
        return filter.toString();
    }

    /**
     * One statement over the conversation's horizons (its primary key's prefix), each joined to the message it is
     * at by the key of its own view: a team member's by seq (the primary key), a client user's by client seq (the
     * client seq index, among the messages that are not internal).
     */
    @Override
    public List<ReadHorizonRow> horizons(ConversationId id) {
        return jdbc.query("SELECT h.reader_kind, h.reader_id, h.last_read_seq, t.client_seq, v.seq"
                + " FROM messaging_read_horizon h"
                + " LEFT JOIN messaging_message t ON h.reader_kind = ? AND t.tenant_id = h.tenant_id"
                + " AND t.conversation_id = h.conversation_id AND t.seq = h.last_read_seq"
                + " LEFT JOIN messaging_message v ON h.reader_kind = ? AND v.tenant_id = h.tenant_id"
                + " AND v.conversation_id = h.conversation_id AND v.client_seq = h.last_read_seq"
                + " AND v.internal = FALSE"
                + " WHERE h.tenant_id = ? AND h.conversation_id = ? AND h.last_read_seq > 0", row -> {
                    Actor reader = Rows.actor(row.getString(1), row.getString(2));
                    long seq = row.getLong(3);
                    return reader.isTeamMember() ? new ReadHorizonRow(reader, seq, row.getLong(4))
                            : new ReadHorizonRow(reader, row.getLong(5), seq);
                }, Actor.Kind.TEAM_MEMBER, Actor.Kind.CLIENT_USER, tenantId, id.value());
    }

    /**
     * One inbox page in one query (conversation, last message, kept count and the reader's access), then one query
     * for the attachments of the page's last messages. The query walks the activity index and stops when the page
     * is full: all conversations cost the page; counted ones only cost more where few are counted (the walk goes
     * on until it has found a page of them, the whole scope when there are fewer). On PostgreSQL, unless only
     * counted conversations are asked for, the page is chosen first (top-N by activity over the conversations in
     * scope) and only its rows are joined with their last message, horizon and access.
     */
    @Override
    public List<InboxRow> inbox(InboxRequest request) {
        MessageFilter.requireKept(request.counted());
        if (request.scope().participantId() != null && !request.counted().excludeInternal()) {
            return participantInbox(request);
        }
        Actor reader = request.reader();
        // A client's page: its count over the client countable, its last message the last that is not internal.
        boolean client = request.counted().excludeInternal();
        String countable = client ? "c.client_countable" : "c.countable";
        List<Object> pageParameters = new ArrayList<>();
        StringBuilder inScope = new StringBuilder(" WHERE c.tenant_id = ?");
        pageParameters.add(tenantId);
        String scopeFilter = scopeFilter(request.scope(), pageParameters);
        String teamFilter = teamFilter(request, pageParameters);
        inScope.append(scopeFilter).append(teamFilter);
        if (request.afterActivity() != null) {
            inScope.append(" AND c.activity_at <= ? AND (c.activity_at < ? OR c.id < ?)");
            pageParameters.add(request.afterActivity());
            pageParameters.add(request.afterActivity());
            pageParameters.add(request.afterConversation().value());
        }
        // The order names the index's equality column too: H2 only reads an index in order (and stops at the
        // page) when the ORDER BY starts with its leading columns; PostgreSQL drops the constant from the sort.
        String order = " ORDER BY c.tenant_id, c.activity_at DESC, c.id DESC" + limit(request);
        boolean pageFirst = !request.onlyCounted() && jdbc.platform() == Platform.POSTGRESQL;
        List<Object> parameters = new ArrayList<>();
        // The page's rows probe their horizon and participant row by key: a fixed cost per row, whatever the tenant.
        StringBuilder sql = new StringBuilder("SELECT ").append(Rows.CONVERSATION_COLUMNS).append(", ")
                .append(Rows.MESSAGE_COLUMNS).append(", ").append(MessageSql.HAS_ATTACHMENTS).append(", ")
                .append(countable).append(" - ")
                .append(readCountOfC()).append(" AS unread_count, ");
        parameters.add(reader.kind());
        parameters.add(reader.id());
        if (reader.isTeamMember()) {
            sql.append("(SELECT p.access FROM messaging_participant p WHERE p.tenant_id = c.tenant_id")
                    .append(" AND p.conversation_id = c.id AND p.team_member_id").append(memberIs()).append(')');
            parameters.add(reader.id());
        } else {
            sql.append("CAST(NULL AS VARCHAR(16))");
        }
        sql.append(" AS reader_access FROM ");
        if (!pageFirst) {
            sql.append("messaging_conversation c");
            if (scopeFilter.isEmpty() && teamFilter.isEmpty()) {
                sql.append(h2Index("messaging_conversation_activity_ix"));
            }
        } else {
            sql.append("(SELECT c.* FROM messaging_conversation c").append(inScope).append(order).append(") c");
            parameters.addAll(pageParameters);
        }
        sql.append(" LEFT JOIN messaging_message m ON m.tenant_id = c.tenant_id")
                .append(" AND m.conversation_id = c.id")
                .append(client ? " AND m.client_seq = c.last_client_seq AND m.internal = FALSE"
                        : " AND m.seq = c.last_seq");
        if (!pageFirst) {
            sql.append(inScope);
            parameters.addAll(pageParameters);
            if (request.onlyCounted()) {
                sql.append(" AND ").append(countable).append(" > ").append(readCountOfC());
                parameters.add(reader.kind());
                parameters.add(reader.id());
            }
        }
        sql.append(order);
        return page(StatementTexts.canonical("inbox", jdbc.platform(), shape(request), sql.toString()), parameters);
    }

    /**
     * What decides an inbox statement's text ({@link StatementTexts}): the page size, the reader's kind, the view,
     * the scope's kind, which team filters are given, whether it continues after a cursor, whether only counted
     * conversations are asked for, and whether a participant reads their own page.
     */
    private static long shape(InboxRequest request) {
        ConversationScope scope = request.scope();
        Actor reader = request.reader();
        long bits = request.limit();
        bits = bits << 1 | (reader.isTeamMember() ? 1 : 0);
        bits = bits << 1 | (request.counted().excludeInternal() ? 1 : 0);
        bits = bits << 1 | (scope.conversationId() != null ? 1 : 0);
        bits = bits << 1 | (scope.participantId() != null ? 1 : 0);
        bits = bits << 1 | (reader.isTeamMember() && reader.id().equals(scope.participantId()) ? 1 : 0);
        bits = bits << 1 | (request.assigneeId() != null ? 1 : 0);
        bits = bits << 1 | (request.onlyUnassigned() ? 1 : 0);
        bits = bits << 1 | (request.status() != null ? 1 : 0);
        bits = bits << 1 | (request.afterActivity() != null ? 1 : 0);
        return bits << 1 | (request.onlyCounted() ? 1 : 0);
    }

    /**
     * A page of a participant's conversations, driven by their participant rows in activity order (the index on
     * (tenant, member, activity, conversation), whose activity is the conversation's, copied as seqs are taken):
     * without filters the page's rows are chosen first from the index alone and only they are joined; with team
     * filters or only counted ones, the walk goes on until the page is full, each row probed by key.
     */
    private List<InboxRow> participantInbox(InboxRequest request) {
        Actor reader = request.reader();
        List<Object> parameters = new ArrayList<>();
        boolean own = reader.isTeamMember() && reader.id().equals(request.scope().participantId());
        StringBuilder sql = new StringBuilder("SELECT ").append(Rows.CONVERSATION_COLUMNS).append(", ")
                .append(Rows.MESSAGE_COLUMNS).append(", ").append(MessageSql.HAS_ATTACHMENTS)
                .append(", c.countable - ").append(readCountOfC()).append(" AS unread_count, ");
        parameters.add(reader.kind());
        parameters.add(reader.id());
        if (own) {
            sql.append("p.access");
        } else {
            sql.append("(SELECT r.access FROM messaging_participant r WHERE r.tenant_id = c.tenant_id")
                    .append(" AND r.conversation_id = c.id AND r.team_member_id").append(memberIs()).append(')');
            parameters.add(reader.id());
        }
        List<Object> walkParameters = new ArrayList<>();
        StringBuilder walk = new StringBuilder(" WHERE p.tenant_id = ? AND p.team_member_id = ?");
        walkParameters.add(tenantId);
        walkParameters.add(request.scope().participantId());
        if (request.afterActivity() != null) {
            walk.append(" AND p.activity_at <= ? AND (p.activity_at < ? OR p.conversation_id < ?)");
            walkParameters.add(request.afterActivity());
            walkParameters.add(request.afterActivity());
            walkParameters.add(request.afterConversation().value());
        }
        String order = " ORDER BY p.tenant_id, p.team_member_id, p.activity_at DESC, p.conversation_id DESC"
                + limit(request);
        List<Object> filterParameters = new ArrayList<>();
        String filters = teamFilter(request, filterParameters);
        boolean pageFirst = !request.onlyCounted() && filters.isEmpty();
        sql.append(" AS reader_access FROM ");
        if (pageFirst) {
            sql.append("(SELECT p.* FROM messaging_participant p").append(h2Index(PARTICIPANT_ACTIVITY_IX))
                    .append(walk).append(order).append(") p");
            parameters.addAll(walkParameters);
        } else {
            sql.append("messaging_participant p").append(h2Index(PARTICIPANT_ACTIVITY_IX));
        }
        sql.append(" JOIN messaging_conversation c ON c.tenant_id = p.tenant_id AND c.id = p.conversation_id")
                .append(" LEFT JOIN messaging_message m ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id")
                .append(" AND m.seq = c.last_seq");
        if (!pageFirst) {
            sql.append(walk).append(filters);
            parameters.addAll(walkParameters);
            parameters.addAll(filterParameters);
            if (request.onlyCounted()) {
                sql.append(" AND c.countable > ").append(readCountOfC());
                parameters.add(reader.kind());
                parameters.add(reader.id());
            }
        }
        sql.append(order);
        return page(StatementTexts.canonical("participantInbox", jdbc.platform(), shape(request), sql.toString()),
                parameters);
    }

    /**
     * Reads an inbox page's rows (as {@link #inbox} selects them: {@link Rows#CONVERSATION_COLUMNS},
     * {@link Rows#MESSAGE_COLUMNS}, {@link MessageSql#HAS_ATTACHMENTS}, the unread count, the reader's access) by
     * column position, then the attachments of their last messages. No label is looked up: by label, H2 looked up
     * some thirty per row, and its first lookup of a statement builds a map of all its labels.
     */
    private List<InboxRow> page(String sql, List<Object> parameters) {
        record Partial(ConversationRow conversation, MessageRow lastMessage, long count, Access access) {
        }
        Set<UUID> withAttachments = new HashSet<>();
        Rows.ConversationReader conversations = new Rows.ConversationReader(jdbc.platform(), 1);
        int firstOfMessage = 1 + Rows.ConversationReader.COLUMNS;
        Rows.MessageReader messages = new Rows.MessageReader(jdbc.platform(), firstOfMessage);
        int unreadCount = firstOfMessage + Rows.MessageReader.COLUMNS + 1;
        int readerAccess = unreadCount + 1;
        List<Partial> rows = jdbc.query(sql, row -> {
            MessageRow last = null;
            if (messages.present(row)) {
                last = messages.message(row);
                if (messages.hasAttachments(row)) {
                    withAttachments.add(last.id().value());
                }
            }
            String access = row.getString(readerAccess);
            return new Partial(conversations.conversation(row), last, row.getLong(unreadCount),
                    access == null ? null : Access.valueOf(access));
        }, parameters.toArray());
        List<MessageRow> lastMessages = attachments.attachTo(
                rows.stream().map(Partial::lastMessage).filter(m -> m != null).toList(), withAttachments);
        List<InboxRow> page = new ArrayList<>(rows.size());
        int next = 0;
        for (Partial row : rows) {
            MessageRow last = row.lastMessage() == null ? null : lastMessages.get(next++);
            page.add(new InboxRow(row.conversation(), last, row.count(), row.access()));
        }
        return page;
    }
}
