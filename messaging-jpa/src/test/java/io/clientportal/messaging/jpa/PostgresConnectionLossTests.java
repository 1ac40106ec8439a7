package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.StoreTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database connection dies in the middle of a post (PostgreSQL's pg_terminate_backend on the backend that
 * runs it): the caller gets a MessagingStoreException with the cause, nothing of the post is stored, and a retry
 * with the same client message id stores exactly one message with the next seq.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresConnectionLossTests {

    private static final String VICTIM = "messaging-victim";
    private static final Actor OWNER = Actor.teamMember("owner");

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;
    private final AtomicReference<String> killAt = new AtomicReference<>();
    private Messaging messaging;
    private ConversationId conversation;

    @BeforeAll
    void start() {
        database = TestDatabases.postgres();
        store = JpaMessagingStore.create(database.anotherPool(VICTIM));
        messaging = Messaging.builder().store(new KillingStore(store)).build();
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        conversation = messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
    }

    @AfterAll
    void stop() {
        messaging.close();
        store.close();
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"takeSeqFor", "messages.insert", "readState.advanceHorizon", "events.append", "commit"})
    void aPostWhoseConnectionDiesLeavesNothingAndItsRetryStoresOneMessage(String point) {
        long seqBefore = messaging.conversations().get(OWNER, conversation).lastSeq();
        NewMessage message = NewMessage.text("killed at " + point).withClientMessageId("post-" + point);

        killAt.set(point);
        assertThatThrownBy(() -> messaging.messages().post(OWNER, conversation, message))
                .isInstanceOf(MessagingStoreException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(SQLException.class::isInstance));
        assertThat(killAt.get()).as("the connection was killed").isNull();

        assertThat(messaging.conversations().get(OWNER, conversation).lastSeq()).isEqualTo(seqBefore);
        assertThat(Nodes.history(messaging, OWNER, conversation))
                .noneMatch(m -> ("post-" + point).equals(m.clientMessageId()));

        Message retried = messaging.messages().post(OWNER, conversation, message);
        Message again = messaging.messages().post(OWNER, conversation, message);
        assertThat(again.id()).isEqualTo(retried.id());
        assertThat(retried.seq()).isEqualTo(seqBefore + 1);
        assertThat(Nodes.history(messaging, OWNER, conversation))
                .filteredOn(m -> ("post-" + point).equals(m.clientMessageId())).hasSize(1);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e.getCause(); t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Terminates the backend that runs the current unit of work, from another connection, and waits for it. */
    private void killVictim() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet killed = statement.executeQuery("SELECT pg_terminate_backend(pid, 10000)"
                    + " FROM pg_stat_activity WHERE application_name = '" + VICTIM + "'"
                    + " AND state LIKE 'idle in transaction%'")) {
                assertThat(killed.next()).as("a backend in a transaction to kill").isTrue();
                assertThat(killed.getBoolean(1)).isTrue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void maybeKill(String point) {
        String armed = killAt.get();
        // compareAndSet compares identity: pass the armed instance itself.
        if (point.equals(armed) && killAt.compareAndSet(armed, null)) {
            killVictim();
        }
    }

    /** Delegates to the store under test and kills the connection at the armed call. */
    private final class KillingStore extends ForwardingMessagingStore {

        KillingStore(MessagingStore delegate) {
            super(delegate);
        }

        @Override
        public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tenantId, tx -> {
                T result = work.apply(killing(tx));
                maybeKill("commit");
                return result;
            });
        }

        private StoreTransaction killing(StoreTransaction tx) {
            return WatchedTransaction.watch(tx, (call, args) -> maybeKill(call));
        }
    }
}
