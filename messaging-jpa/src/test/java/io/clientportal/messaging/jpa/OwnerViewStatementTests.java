package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An owner's inbox pages and unread total, and an agent's and a watcher's, run the same statements however many
 * conversations the tenant has and the member takes part in: their counts are kept as rows are written, not counted
 * at read time, and a participant's page is a range of their participant rows in activity order.
 */
class OwnerViewStatementTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final Actor AGENT = Actor.teamMember("agent");
    private static final Actor WATCHER = Actor.teamMember("watcher");

    private final AtomicInteger statements = new AtomicInteger();

    @Test
    void ownerAndAgentViewsRunAFixedNumberOfStatementsWhateverTheTenantsSize() {
        try (TestDatabases.TestDatabase database = TestDatabases.h2();
             JpaMessagingStore store = JpaMessagingStore.create(counting(database.dataSource()));
             Messaging messaging = Messaging.builder().store(store).build()) {
            messaging.directory().upsertTeamMember("owner", "Olivia", TeamRole.OWNER);
            messaging.directory().upsertTeamMember("agent", "Aiden", TeamRole.AGENT);
            messaging.directory().upsertTeamMember("watcher", "Walt", TeamRole.WATCHER);
            addClients(messaging, 0, 25);
            Map<String, Integer> small = statementsOfViews(messaging);
            addClients(messaging, 25, 250);
            Map<String, Integer> large = statementsOfViews(messaging);

            assertThat(large).isEqualTo(small);
            assertThat(messaging.messages().unreadTotal(OWNER)).isEqualTo(250);
            assertThat(messaging.messages().unreadTotal(AGENT)).isEqualTo(50);
            assertThat(messaging.messages().unreadTotal(WATCHER)).isEqualTo(125);
        }
    }

    /**
     * Clients {@code from} to {@code to} - 1, each with one unread message; the agent in every fifth, the watcher in
     * every second.
     */
    private static void addClients(Messaging messaging, int from, int to) {
        for (int i = from; i < to; i++) {
            ConversationId id = messaging.directory().createClientAccount("c" + i, "Client " + i,
                    AccountKind.INDIVIDUAL).id();
            messaging.directory().addClientUser("c" + i, "u" + i, "User " + i);
            if (i % 5 == 0) {
                messaging.conversations().addParticipant(OWNER, id, "agent", Access.WRITE);
            }
            if (i % 2 == 0) {
                messaging.conversations().addParticipant(OWNER, id, "watcher", Access.READ_ONLY);
            }
            messaging.messages().post(Actor.clientUser("u" + i), id, NewMessage.text("question " + i));
        }
    }

    /**
     * The statements each view runs, asked twice so that the caches are warm the second time; once the relay has
     * handed every event on, so that neither its reads nor the invalidations it brings (a cache fill that a change
     * overtook is not kept) count here.
     */
    private Map<String, Integer> statementsOfViews(Messaging messaging) {
        await().until(() -> {
            MessagingStatus.Relay relay = messaging.status().relay();
            return relay.position() >= relay.logEnd();
        });
        Map<String, Supplier<Object>> views = new LinkedHashMap<>();
        views.put("owner unread total", () -> messaging.messages().unreadTotal(OWNER));
        views.put("owner inbox", () -> messaging.conversations().inbox(OWNER, InboxQuery.first(20)));
        views.put("owner unread inbox", () -> messaging.conversations().inbox(OWNER,
                InboxQuery.first(20).unreadOnly()));
        views.put("agent inbox", () -> messaging.conversations().inbox(AGENT, InboxQuery.first(20)));
        views.put("agent unread inbox", () -> messaging.conversations().inbox(AGENT,
                InboxQuery.first(20).unreadOnly()));
        views.put("agent unread total", () -> messaging.messages().unreadTotal(AGENT));
        views.put("watcher inbox", () -> messaging.conversations().inbox(WATCHER, InboxQuery.first(20)));
        views.put("watcher unread total", () -> messaging.messages().unreadTotal(WATCHER));
        Map<String, Integer> counts = new LinkedHashMap<>();
        views.forEach((name, view) -> {
            view.get();
            int before = statements.get();
            view.get();
            counts.put(name, statements.get() - before);
        });
        return counts;
    }

    /** The data source, counting every statement prepared on its connections. */
    private DataSource counting(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
