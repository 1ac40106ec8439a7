package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a read sends besides its statements: at READ COMMITTED nothing (no BEGIN, no COMMIT, no change of
 * autocommit), since a transaction would give its statements no snapshot they do not have anyway; under a stricter
 * isolation it runs in a transaction, whose statements then share one.
 */
class ReadUnitStatementTests {

    private static final Actor USER = Actor.clientUser("u1");

    /** What the recording notes when the reading thread takes a connection from the data source. */
    private static final String BORROW = "DataSource.getConnection";

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void aHistoryPageAtReadCommittedIsOneStatementInAutocommit() {
        assertThat(callsOfAHistoryPage(Connection.TRANSACTION_READ_COMMITTED))
                .containsExactly("prepareStatement");
    }

    @Test
    void aHistoryPageUnderRepeatableReadRunsInATransaction() {
        assertThat(callsOfAHistoryPage(Connection.TRANSACTION_REPEATABLE_READ))
                .containsSubsequence("setAutoCommit", "prepareStatement", "commit")
                .containsOnlyOnce("prepareStatement");
    }

    @Test
    void aColdReadOfEntitiesAndRowsBorrowsOneConnectionAndSendsNoTransaction() {
        try (TestDatabases.TestDatabase database = TestDatabases.h2();
             JpaMessagingStore store = JpaMessagingStore.create(recording(database.dataSource(),
                     Connection.TRANSACTION_READ_COMMITTED))) {
            ConversationId id;
            try (Messaging seeding = Messaging.builder().store(store).build()) {
                id = seeding.directory().createClientAccount("c1", "Client 1", AccountKind.INDIVIDUAL).id();
                seeding.directory().addClientUser("c1", "u1", "User 1");
                seeding.messages().post(USER, id, NewMessage.text("hello"));
            }
            // A new engine knows nothing: the page loads the client user (an entity, through a session) and the
            // conversation's account (native SQL) in its own unit, and reads the page.
            try (Messaging cold = Messaging.builder().store(store).build()) {
                calls.clear();
                assertThat(cold.messages().history(USER, id, HistoryQuery.latest(10)).items())
                        .extracting(message -> message.text()).containsExactly("hello");
                List<String> made = List.copyOf(calls);
                assertThat(made).filteredOn("prepareStatement"::equals).hasSizeGreaterThanOrEqualTo(3);
                assertThat(made).filteredOn(BORROW::equals).hasSize(1);
                assertThat(made).doesNotContain("setAutoCommit", "commit", "rollback");
            }
        }
    }

    /** The connection calls of one history page with warm caches, on connections at {@code isolation}. */
    private List<String> callsOfAHistoryPage(int isolation) {
        try (TestDatabases.TestDatabase database = TestDatabases.h2();
             JpaMessagingStore store = JpaMessagingStore.create(recording(database.dataSource(), isolation));
             Messaging messaging = Messaging.builder().store(store).build()) {
            messaging.directory().upsertTeamMember("owner", "Olivia", TeamRole.OWNER);
            ConversationId id = messaging.directory().createClientAccount("c1", "Client 1", AccountKind.INDIVIDUAL)
                    .id();
            messaging.directory().addClientUser("c1", "u1", "User 1");
            for (int i = 0; i < 3; i++) {
                messaging.messages().post(USER, id, NewMessage.text("message " + i));
            }
            // The relay's reads of the log and the invalidations it brings must not count here.
            await().until(() -> {
                MessagingStatus.Relay relay = messaging.status().relay();
                return relay.position() >= relay.logEnd();
            });
            messaging.messages().history(USER, id, HistoryQuery.latest(2));
            calls.clear();
            int read = messaging.messages().history(USER, id, HistoryQuery.latest(2)).items().size();
            List<String> made = List.copyOf(calls);
            assertThat(read).isEqualTo(2);
            return made.stream().filter(call -> !call.startsWith("get") && !call.equals(BORROW)
                    && !call.equals("clearWarnings") && !call.equals("close") && !call.equals("isClosed")).toList();
        }
    }

    /** The data source, its connections set to {@code isolation}, recording the calls of the reading thread. */
    private DataSource recording(DataSource dataSource, int isolation) {
        Thread reader = Thread.currentThread();
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    if (result instanceof Connection connection) {
                        if (Thread.currentThread() == reader) {
                            calls.add(BORROW);
                        }
                        connection.setTransactionIsolation(isolation);
                        return recording(connection, reader);
                    }
                    return result;
                });
    }

    private Connection recording(Connection connection, Thread reader) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (Thread.currentThread() == reader) {
                        calls.add(method.getName());
                    }
                    return invoke(method, connection, args);
                });
    }

    /** Calls {@code method} on {@code target} as a proxy's handler does, throwing what the method threw. */
    static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
