package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.StoreTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An edit that checked the message before a concurrent delete committed must not write its text into the deleted
 * message: the text of a deleted message is gone, whatever raced with the delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EditDeleteRaceTests {

    private static final Actor OWNER = Actor.teamMember("owner");

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;
    private Messaging messaging;
    private final CountDownLatch editChecked = new CountDownLatch(1);
    private final CountDownLatch deleted = new CountDownLatch(1);

    @BeforeAll
    void start() {
        database = newDatabase();
        store = JpaMessagingStore.create(database.dataSource());
        messaging = Messaging.builder().store(new PausingEdits(store)).build();
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
    }

    @AfterAll
    void stop() {
        messaging.close();
        store.close();
        database.close();
    }

    @Test
    void anEditRacingADeleteLeavesTheMessageDeletedAndItsTextGone() throws Exception {
        ConversationId id = messaging.directory().createClientAccount("race", "Race", AccountKind.INDIVIDUAL).id();
        Message posted = messaging.messages().post(OWNER, id, NewMessage.text("original"));

        CompletableFuture<Message> edit = CompletableFuture.supplyAsync(() ->
                messaging.messages().edit(OWNER, posted.id(), "edited while being deleted"));
        assertThat(editChecked.await(30, TimeUnit.SECONDS)).as("the edit checked the message").isTrue();
        messaging.messages().delete(OWNER, posted.id());
        deleted.countDown();

        assertThatThrownBy(() -> edit.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConflictException.class);
        Message stored = Nodes.history(messaging, OWNER, id).get(0);
        assertThat(stored.deleted()).isTrue();
        assertThat(stored.text()).isEmpty();
    }

    /** Holds the first edit between its checks and its write until the test has deleted the message. */
    private final class PausingEdits extends ForwardingMessagingStore {

        PausingEdits(MessagingStore delegate) {
            super(delegate);
        }

        @Override
        public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tenantId, tx -> work.apply(WatchedTransaction.watch(tx, (call, args) -> {
                if (call.equals("messages.updateText") && editChecked.getCount() > 0) {
                    editChecked.countDown();
                    deleted.await(30, TimeUnit.SECONDS);
                }
            })));
        }
    }
}
