package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the hot writes send to the database with warm caches: an agent's mark read followed by their unread total,
 * and a client's post. Each is a fixed, small list of statements (the benchmark's "mark read + unread total" and
 * "post" are measured against hand-written JDBC doing the same work).
 */
class WriteStatementTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final Actor AGENT = Actor.teamMember("agent");
    private static final Actor CLIENT = Actor.clientUser("u1");

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile Thread recorded;

    @Test
    void anAgentsMarkReadAndUnreadTotalRunAFixedSmallNumberOfStatements() {
        try (TestDatabases.TestDatabase database = TestDatabases.h2();
             JpaMessagingStore store = JpaMessagingStore.create(recording(database.dataSource()));
             Messaging messaging = Messaging.builder().store(store).build()) {
            ConversationId id = seed(messaging);
            messaging.messages().markRead(AGENT, id, 1);
            messaging.messages().unreadTotal(AGENT);
            settle(messaging);

            List<String> made = record(() -> {
                messaging.messages().markRead(AGENT, id, 2);
                assertThat(messaging.messages().unreadTotal(AGENT)).isEqualTo(2);
            });

            // The lock, then the conversation with the reader's facts (on H2 two statements: H2 caches no
            // SELECT ... FOR UPDATE, so the big read goes without the clause, after a small one took the lock; on
            // PostgreSQL one); the horizon's before and write; the reader's slot; the mentions it passed; the event;
            // then the total, one read of the reader's slots.
            assertThat(made).hasSize(9).containsOnlyOnce("COMMIT");
            assertThat(made.get(0)).isEqualTo("SELECT id FROM messaging_conversation WHERE tenant_id = ? AND id = ?"
                    + " FOR UPDATE");
            assertThat(made.get(1)).contains("messaging_team_member").contains("messaging_participant")
                    .doesNotContain("FOR UPDATE");
            assertThat(made).filteredOn(sql -> sql.contains("FOR UPDATE")).hasSize(1);
            assertThat(made.get(7)).isEqualTo("COMMIT");
        }
    }

    @Test
    void aClientsPostRunsAFixedSmallNumberOfStatements() {
        try (TestDatabases.TestDatabase database = TestDatabases.h2();
             JpaMessagingStore store = JpaMessagingStore.create(recording(database.dataSource()));
             Messaging messaging = Messaging.builder().store(store).build()) {
            ConversationId id = seed(messaging);
            settle(messaging);

            List<String> made = record(() -> messaging.messages().post(CLIENT, id, NewMessage.text("one more")));

            // The seq with the author's facts; the tenant's count; the participants' activity and totals; the
            // message; the poster's horizon; the event. An open conversation is not reopened.
            assertThat(made).hasSize(8).endsWith("COMMIT");
            assertThat(made).noneMatch(sql -> sql.contains("team_status = ?"));
        }
    }

    /** A conversation with the agent in it (WRITE) and four messages from its client. */
    private static ConversationId seed(Messaging messaging) {
        messaging.directory().upsertTeamMember("owner", "Olivia", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("agent", "Aiden", TeamRole.AGENT);
        ConversationId id = messaging.directory().createClientAccount("c1", "Client 1", AccountKind.INDIVIDUAL).id();
        messaging.directory().addClientUser("c1", "u1", "User 1");
        messaging.conversations().addParticipant(OWNER, id, "agent", Access.WRITE);
        for (int i = 0; i < 4; i++) {
            messaging.messages().post(CLIENT, id, NewMessage.text("message " + i));
        }
        return id;
    }

    /** Once the relay has handed every event on: neither its reads nor the invalidations it brings count. */
    private static void settle(Messaging messaging) {
        await().until(() -> {
            MessagingStatus.Relay relay = messaging.status().relay();
            return relay.position() >= relay.logEnd();
        });
    }

    /** The statements and transaction calls that {@code work} makes on the calling thread. */
    private List<String> record(Runnable work) {
        calls.clear();
        recorded = Thread.currentThread();
        try {
            work.run();
        } finally {
            recorded = null;
        }
        return List.copyOf(calls);
    }

    private DataSource recording(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = ReadUnitStatementTests.invoke(method, dataSource, args);
                    return result instanceof Connection connection ? recording(connection) : result;
                });
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (Thread.currentThread() == recorded) {
                        String name = method.getName();
                        if (name.startsWith("prepare") || name.equals("createStatement")) {
                            calls.add(args == null ? name : String.valueOf(args[0]));
                        } else if (name.equals("commit") || name.equals("rollback")) {
                            calls.add(name.toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                    return ReadUnitStatementTests.invoke(method, connection, args);
                });
    }
}
