package io.clientportal.messaging.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The data every variant works on, seeded set-based (generate_series on PostgreSQL, SYSTEM_RANGE on H2) into the
 * store's own tables after its schema scripts ran, so seeding takes seconds and is the same for SDK, RAW and NAIVE.
 *
 * <p>Conversation {@code i} (1..conversations) belongs to client account {@code acc-i} with one client user
 * {@code user-i}. Conversation 1 holds the long history. Posts go to conversations 2..postConversations+1. The
 * agent {@code agent} takes part in every {@code step}-th conversation ({@code agentConversations} of them), each
 * with {@value #AGENT_MESSAGES} messages by the client, the agent's horizon at 1. {@code owner} is an OWNER, who
 * sees every conversation. The unread counts the store keeps (schema V6) are seeded as its writes leave them:
 * every author's horizon at their last message, as posting moves it.
 *
 * <p>Beside the run's tenant ({@value #TENANT}), {@link #small()} is a second one of the same shape in the same
 * tables ({@value #SMALL_TENANT}: {@value #SMALL_CONVERSATIONS} conversations, the agent in the same share of them, so
 * the owner has the same share unread; a short history): the views that should cost the page and not the tenant are
 * measured on both in the same rounds.
 */
final class Dataset {

    static final String TENANT = "default";
    /** The small tenant's id: its rows share the tables with the run's tenant (every key starts with the tenant). */
    static final String SMALL_TENANT = "small";
    /** The small tenant's conversations: PERFORMANCE.md's "the same view at 1,000 conversations". */
    static final int SMALL_CONVERSATIONS = 1_000;
    static final String OWNER = "owner";
    static final String AGENT = "agent";
    static final int AGENT_MESSAGES = 6;
    static final int HISTORY_CONVERSATION = 1;
    private static final int HISTORY_SLICE = 50_000;
    /** The small tenant's history: its conversation 1 is one of many, no view there pages it. */
    private static final int SMALL_HISTORY = 100;

    final String tenant;
    final int conversations;
    final int agentConversations;
    final int historyMessages;
    final int postConversations;
    final int step;

    /** The run's tenant, of the configured sizes. */
    Dataset(BenchmarkConfig config) {
        this(TENANT, config.conversations(), config.agentConversations(), config.historyMessages(),
                config.postConversations());
    }

    private Dataset(String tenant, int conversations, int agentConversations, int historyMessages,
                    int postConversations) {
        this.tenant = tenant;
        this.conversations = conversations;
        this.agentConversations = agentConversations;
        this.historyMessages = historyMessages;
        this.postConversations = postConversations;
        this.step = conversations / agentConversations;
        if (step < 2) {
            throw new IllegalArgumentException("conversations must be at least twice agentConversations");
        }
    }

    /**
     * The small tenant: {@value #SMALL_CONVERSATIONS} conversations (half this one's, if that is fewer, so that a tiny
     * run still compares two sizes), the agent in the same share of them, but in at least as many as a page of this
     * tenant's inbox needs (a page of up to 20, one more to tell whether there is a next), so the same pages come back
     * full.
     */
    Dataset small() {
        int small = Math.min(SMALL_CONVERSATIONS, conversations / 2);
        int share = (int) ((long) agentConversations * small / conversations);
        int agents = Math.min(small / 2, Math.max(share, Math.min(21, agentConversations)));
        return new Dataset(SMALL_TENANT, small, agents, Math.min(SMALL_HISTORY, historyMessages),
                Math.min(postConversations, small - 1));
    }

    static UUID conversationId(long i) {
        return UUID.fromString(String.format("00000000-0000-7000-8000-%012d", i));
    }

    static String user(long i) {
        return "user-" + i;
    }

    /** The k-th (0-based) conversation of the agent. */
    long agentConversation(int k) {
        return (long) (k % agentConversations + 1) * step;
    }

    /** The k-th (0-based) conversation posts go to. */
    long postConversation(int k) {
        return 2 + Math.floorMod(k, postConversations);
    }

    /** Seeds this tenant and {@link #small()}, then the baselines' own tables, and analyses them all. */
    void seed(DataSource dataSource, boolean postgres) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            connection.setAutoCommit(true);
            seedTenant(s, new Sql(postgres, tenant));
            Dataset small = small();
            small.seedTenant(s, new Sql(postgres, small.tenant));
            createBaselineTables(s, postgres);
            s.execute("ANALYZE");
        }
    }

    private void seedTenant(Statement s, Sql sql) throws SQLException {
        String t = sql.tenant();
        int n = conversations;
        int a = agentConversations;
        int h = historyMessages;
        s.execute("INSERT INTO messaging_team_member (tenant_id, id, display_name, role) VALUES"
                + " (" + t + ", 'owner', 'Olivia Owner', 'OWNER'), (" + t + ", 'agent', 'Adam Agent', 'AGENT')");
        s.execute("INSERT INTO messaging_client_account (tenant_id, id, name, kind) SELECT " + t + ","
                + " 'acc-' || r.i, 'Client ' || r.i, 'INDIVIDUAL' FROM " + sql.range(n));
        s.execute("INSERT INTO messaging_client_user (tenant_id, id, account_id, display_name) SELECT " + t + ","
                + " 'user-' || r.i, 'acc-' || r.i, 'User ' || r.i FROM " + sql.range(n));
        String agentCondition = "MOD(r.i, " + step + ") = 0 AND r.i <= " + (long) step * a;
        String lastSeq = "CASE WHEN r.i = 1 THEN " + h + " WHEN " + agentCondition + " THEN " + AGENT_MESSAGES
                + " ELSE 0 END";
        // The kept counts as the store's writes leave them, in the same insert: with no internal notes the
        // clients' view is the team's, and nothing is deleted, so countable = last seq. (A later UPDATE of every
        // row rewrote a million rows and their index entries on PostgreSQL.)
        String lastMessageAt = "CASE WHEN " + lastSeq + " > 0 THEN " + sql.at("r.i + 1") + " END";
        s.execute("INSERT INTO messaging_conversation (tenant_id, id, client_account_id, client_name, last_seq,"
                + " created_at, last_message_at, activity_at, countable, client_countable, last_client_seq,"
                + " last_client_message_at) SELECT " + t + ", " + sql.uuid("7000", "r.i")
                + ", 'acc-' || r.i, 'Client ' || r.i, " + lastSeq + ", " + sql.at("r.i") + ", " + lastMessageAt
                + ", CASE WHEN " + lastSeq + " > 0 THEN " + sql.at("r.i + 1") + " ELSE " + sql.at("r.i") + " END, "
                + lastSeq + ", " + lastSeq + ", " + lastSeq + ", " + lastMessageAt + " FROM " + sql.range(n));
        // Each participant row carries its conversation's activity (schema V15).
        s.execute("INSERT INTO messaging_participant (tenant_id, conversation_id, team_member_id, access,"
                + " activity_at) SELECT " + t + ", c.id, 'agent', 'WRITE', c.activity_at FROM " + sql.range(a)
                + " JOIN messaging_conversation c ON c.tenant_id = " + t + " AND c.id = "
                + sql.uuid("7000", "r.i * " + step));
        // In slices: one huge statement makes H2 keep an undo log of a million rows.
        for (long from = 1; from <= h; from += HISTORY_SLICE) {
            s.execute("INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind, author_id,"
                    + " author_name, text, highlighted, created_at, client_seq) SELECT " + t + ", "
                    + sql.uuid("7000", "1")
                    + ", r.i, " + sql.uuid("7001", "r.i") + ", CASE WHEN MOD(r.i, 2) = 0 THEN 'TEAM_MEMBER'"
                    + " ELSE 'CLIENT_USER' END, CASE WHEN MOD(r.i, 2) = 0 THEN 'owner' ELSE 'user-1' END,"
                    + " CASE WHEN MOD(r.i, 2) = 0 THEN 'Olivia Owner' ELSE 'User 1' END,"
                    + " 'History message ' || r.i || ', an ordinary line of text of ordinary length.', FALSE, "
                    + sql.at("r.i") + ", r.i FROM " + sql.range(from, Math.min(h, from + HISTORY_SLICE - 1)));
        }
        String conversation = "((r.i - 1) / " + AGENT_MESSAGES + " + 1) * " + step;
        s.execute("INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind, author_id,"
                + " author_name, text, highlighted, created_at, client_seq) SELECT " + t + ", "
                + sql.uuid("7000", conversation) + ", MOD(r.i - 1, " + AGENT_MESSAGES + ") + 1, "
                + sql.uuid("7002", "r.i") + ", 'CLIENT_USER', 'user-' || " + conversation + ", 'User ' || "
                + conversation + ", 'Question ' || r.i || ' about my account, please get back to me.', FALSE, "
                + sql.at(conversation) + ", MOD(r.i - 1, " + AGENT_MESSAGES + ") + 1 FROM "
                + sql.range((long) a * AGENT_MESSAGES));
        s.execute("INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                + " last_read_seq) SELECT " + t + ", " + sql.uuid("7000", "r.i * " + step)
                + ", 'TEAM_MEMBER', 'agent', 1 FROM " + sql.range(a));
        seedCounts(s, sql, h, a);
    }

    /**
     * The kept counts: each poster's horizon at their last message (the owner's and the user's in the history
     * conversation, each agent conversation's client at its last), then, with nothing deleted and no message after
     * its author's horizon, read count = horizon (countable = last seq came with the conversations); the tenant's
     * and the team's sums.
     */
    private void seedCounts(Statement s, Sql sql, int h, int a) throws SQLException {
        String t = sql.tenant();
        String horizon = "INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                + " last_read_seq) ";
        if (h >= 2) {
            // Odd seqs are the user's, even ones the owner's.
            s.execute(horizon + "VALUES (" + t + ", " + sql.uuid("7000", "1") + ", 'TEAM_MEMBER', 'owner', "
                    + (h - h % 2) + "), (" + t + ", " + sql.uuid("7000", "1") + ", 'CLIENT_USER', 'user-1', "
                    + (h - 1 + h % 2) + ")");
        }
        s.execute(horizon + "SELECT " + t + ", " + sql.uuid("7000", "r.i * " + step) + ", 'CLIENT_USER', 'user-' || "
                + "(r.i * " + step + "), " + AGENT_MESSAGES + " FROM " + sql.range(a));
        s.execute("UPDATE messaging_read_horizon SET read_count = last_read_seq WHERE tenant_id = " + t);
        s.execute("INSERT INTO messaging_tenant_count (tenant_id, slot, countable) SELECT tenant_id, 0,"
                + " SUM(countable) FROM messaging_conversation WHERE tenant_id = " + t + " GROUP BY tenant_id");
        s.execute("INSERT INTO messaging_reader_total (tenant_id, reader_kind, reader_id, slot, read_count)"
                + " SELECT tenant_id, reader_kind, reader_id, 0, SUM(read_count) FROM messaging_read_horizon"
                + " WHERE tenant_id = " + t + " AND reader_kind = 'TEAM_MEMBER'"
                + " GROUP BY tenant_id, reader_kind, reader_id");
        // Each participant's total over the conversations they take part in (V15), in the slot made just above (the
        // agent has horizons, so a slot).
        s.execute("UPDATE messaging_reader_total t SET participant_unread = (SELECT COALESCE(SUM(c.countable"
                + " - COALESCE(h.read_count, 0)), 0) FROM messaging_participant p JOIN messaging_conversation c"
                + " ON c.tenant_id = p.tenant_id AND c.id = p.conversation_id LEFT JOIN messaging_read_horizon h"
                + " ON h.tenant_id = p.tenant_id AND h.conversation_id = p.conversation_id"
                + " AND h.reader_kind = 'TEAM_MEMBER' AND h.reader_id = p.team_member_id"
                + " WHERE p.tenant_id = t.tenant_id AND p.team_member_id = t.reader_id)"
                + " WHERE t.tenant_id = " + t + " AND t.reader_kind = 'TEAM_MEMBER' AND t.slot = 0");
    }

    /** The outboxes of the baselines: their own tables, so the SDK's relay never reads their events. */
    private static void createBaselineTables(Statement s, boolean postgres) throws SQLException {
        String text = postgres ? "TEXT" : "CHARACTER VARYING(1000000)";
        s.execute("CREATE TABLE bench_raw_event (position BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " tenant_id VARCHAR(255) NOT NULL, type VARCHAR(64) NOT NULL, conversation_id UUID,"
                + " payload " + text + " NOT NULL, created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        s.execute("CREATE TABLE bench_naive_event (id BIGINT NOT NULL PRIMARY KEY, tenant_id VARCHAR(255) NOT NULL,"
                + " type VARCHAR(64) NOT NULL, conversation_id UUID, payload " + text + " NOT NULL,"
                + " created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        s.execute("CREATE SEQUENCE bench_naive_event_seq START WITH 1 INCREMENT BY 50");
    }

    /** The few expressions whose SQL differs between the two databases. */
    private record Sql(boolean postgres, String tenantId) {

        /** The tenant as an SQL literal (one of the benchmark's own ids). */
        String tenant() {
            return "'" + tenantId + "'";
        }

        String range(long n) {
            return range(1, n);
        }

        String range(long from, long to) {
            return postgres ? "generate_series(" + from + ", " + to + ") AS r(i)"
                    : "(SELECT X AS i FROM SYSTEM_RANGE(" + from + ", " + to + ")) r";
        }

        /** A UUID whose last group is the number: 00000000-0000-{version}-8000-{number, 12 digits}. */
        String uuid(String group, String number) {
            return "CAST('00000000-0000-" + group + "-8000-' || LPAD(CAST(" + number + " AS VARCHAR), 12, '0')"
                    + " AS UUID)";
        }

        /** A fixed instant plus that many seconds. */
        String at(String seconds) {
            return postgres ? "(TIMESTAMPTZ '2026-01-01 00:00:00+00' + (" + seconds + ") * INTERVAL '1 second')"
                    : "DATEADD(SECOND, " + seconds + ", TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')";
        }
    }
}
