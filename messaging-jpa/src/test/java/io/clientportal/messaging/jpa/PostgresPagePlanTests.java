package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL plans a page statement once per connection and reuses that plan: the statement texts are stable (no
 * literal ids, no lists whose length varies), so pgjdbc prepares them on the server, and after its first custom
 * plans PostgreSQL takes the generic one. (At the benchmark's 100,000 conversations an inbox page with its size as a
 * parameter, probing with an owner the statistics know to be nobody's participant, kept a custom plan cheaper and
 * every page was planned anew; at this test's size the planner takes the generic plan either way, so this guards the
 * statements' stability, and {@code ReadStateSql} says what the larger run showed. The newest history page of a
 * conversation the statistics know to be long was planned anew too: that one this test reproduces, and fails
 * without {@code MessageSql}'s opaque conversation.)
 */
class PostgresPagePlanTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final Actor AGENT = Actor.teamMember("agent");
    private static final Actor USER = Actor.clientUser("u0");
    private static final int CALLS = 30;

    @Test
    void inboxAndHistoryPagesReuseTheirGenericPlans() throws SQLException {
        try (TestDatabases.TestDatabase database = TestDatabases.postgres()) {
            try (JpaMessagingStore store = JpaMessagingStore.create(database.dataSource());
                 Messaging messaging = Messaging.builder().store(store).build()) {
                messaging.directory().upsertTeamMember("owner", "Olivia", TeamRole.OWNER);
                messaging.directory().upsertTeamMember("agent", "Aiden", TeamRole.AGENT);
                ConversationId first = seed(messaging);
                bulk(database.dataSource(), first);
                Map<String, Supplier<Object>> pages = new LinkedHashMap<>();
                pages.put("owner inbox", () -> messaging.conversations().inbox(OWNER, InboxQuery.first(20)));
                pages.put("owner unread inbox", () -> messaging.conversations().inbox(OWNER,
                        InboxQuery.first(20).unreadOnly()));
                pages.put("agent inbox", () -> messaging.conversations().inbox(AGENT, InboxQuery.first(20)));
                pages.put("newest history", () -> messaging.messages().history(USER, first,
                        HistoryQuery.latest(20)));
                for (int i = 0; i < CALLS; i++) {
                    pages.values().forEach(Supplier::get);
                }
            }
            // Every session's plans of the page statements, once engine and store (their connections) have closed.
            Map<String, long[]> plans = plans(database.dataSource());
            assertThat(plans).containsKeys("inbox", "history");
            // Each page ran 30 times, most of them on one session: after its first 5 custom plans there, PostgreSQL
            // reuses the generic plan (planned anew every time, an inbox statement had none).
            assertThat(plans.get("inbox")[0]).as("generic plans of inbox pages").isPositive();
            assertThat(plans.get("history")[0]).as("generic plans of history pages").isPositive();
        }
    }

    /** 40 clients, each with a message; the agent in every fourth conversation; client 0 with a longer history. */
    private static ConversationId seed(Messaging messaging) {
        ConversationId first = null;
        for (int i = 0; i < 40; i++) {
            ConversationId id = messaging.directory().createClientAccount("c" + i, "Client " + i,
                    AccountKind.INDIVIDUAL).id();
            messaging.directory().addClientUser("c" + i, "u" + i, "User " + i);
            if (i % 4 == 0) {
                messaging.conversations().addParticipant(OWNER, id, "agent", Access.WRITE);
            }
            messaging.messages().post(Actor.clientUser("u" + i), id, NewMessage.text("question " + i));
            first = first == null ? id : first;
        }
        for (int i = 0; i < 30; i++) {
            messaging.messages().post(USER, first, NewMessage.text("more " + i));
        }
        return first;
    }

    /**
     * 3,000 older conversations without messages, written as SQL, then the statistics: enough rows that a tenth of
     * them (what a generic plan expects of a {@code LIMIT ?}) is far more than a page. And {@code first}'s history made
     * 200,000 messages long, older than its 31: with the statistics knowing it long, a custom plan of its newest page
     * ("the last 20 of 200,000") looked cheaper than the generic plan every time, until its conversation was opaque.
     */
    private static void bulk(DataSource dataSource, ConversationId first) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE messaging_message SET seq = seq + 200000, client_seq = client_seq + 200000"
                    + " WHERE conversation_id = '" + first.value() + "'");
            statement.execute("UPDATE messaging_conversation SET last_seq = last_seq + 200000,"
                    + " last_client_seq = last_client_seq + 200000 WHERE id = '" + first.value() + "'");
            statement.execute("INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind,"
                    + " author_id, author_name, text, highlighted, created_at, client_seq) SELECT 'default', '"
                    + first.value() + "', i, gen_random_uuid(), 'CLIENT_USER', 'u0', 'User 0', 'older ' || i, FALSE,"
                    + " TIMESTAMPTZ '2020-01-01 00:00:00+00' + i * INTERVAL '1 second', i"
                    + " FROM generate_series(1, 200000) AS g(i)");
            statement.execute("INSERT INTO messaging_client_account (tenant_id, id, name, kind) SELECT 'default',"
                    + " 'bulk-' || i, 'Bulk ' || i, 'INDIVIDUAL' FROM generate_series(1, 3000) AS g(i)");
            statement.execute("INSERT INTO messaging_conversation (tenant_id, id, client_account_id, client_name,"
                    + " last_seq, created_at, activity_at, countable, client_countable, last_client_seq)"
                    + " SELECT 'default', gen_random_uuid(), 'bulk-' || i, 'Bulk ' || i, 0,"
                    + " TIMESTAMPTZ '2020-01-01 00:00:00+00' + i * INTERVAL '1 second',"
                    + " TIMESTAMPTZ '2020-01-01 00:00:00+00' + i * INTERVAL '1 second', 0, 0, 0"
                    + " FROM generate_series(1, 3000) AS g(i)");
            statement.execute("ANALYZE");
        }
    }

    /**
     * Generic and custom plans of the inbox and history page statements over all sessions of the pool: all of its
     * connections held at once, each asked for its own prepared statements.
     */
    private static Map<String, long[]> plans(DataSource dataSource) throws SQLException {
        Map<String, long[]> plans = new LinkedHashMap<>();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT statement, generic_plans, custom_plans"
                             + " FROM pg_prepared_statements")) {
                    while (rows.next()) {
                        String sql = rows.getString(1);
                        boolean history = sql.contains("FROM messaging_message m WHERE")
                                && sql.contains("ORDER BY");
                        String page = sql.contains("AS unread_count") ? "inbox" : history ? "history" : null;
                        if (page != null) {
                            long[] counts = plans.computeIfAbsent(page, key -> new long[2]);
                            counts[0] += rows.getLong(2);
                            counts[1] += rows.getLong(3);
                        }
                    }
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return plans;
    }
}
