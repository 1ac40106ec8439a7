package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit of work that a host keeps open (here: an owner's post, held after it has written everything) holds up no
 * write of another conversation: not the same owner's posts and reads elsewhere, not other people's posts, though
 * all of them change the tenant-wide counts the open unit changed too. Once it commits, the counts are exact.
 */
abstract class OpenUnitTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final int ACCOUNTS = 9;

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore jpa;
    private HoldingStore store;
    private Messaging messaging;
    private final List<ConversationId> conversations = new ArrayList<>();

    @BeforeEach
    void start() {
        database = newDatabase();
        jpa = JpaMessagingStore.create(database.dataSource());
        store = new HoldingStore(jpa);
        messaging = Messaging.builder().store(store).build();
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        for (int i = 0; i < ACCOUNTS; i++) {
            conversations.add(messaging.directory().createClientAccount("account-" + i, "Account " + i,
                    AccountKind.INDIVIDUAL).id());
            messaging.directory().addClientUser("account-" + i, "client-" + i, "Client " + i);
        }
    }

    @AfterEach
    void stop() {
        messaging.close();
        jpa.close();
        database.close();
    }

    @Test
    void anOpenUnitHoldsUpNoWriteOfAnotherConversationAndTheCountsAreExactAfterIt() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            store.holdNextCommit(written, release);
            messaging.messages().post(OWNER, conversations.get(0), NewMessage.text("held open"));
        });
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        // Each on a thread of its own, each bounded: a write that queued behind the open unit would time out here.
        for (int i = 1; i < ACCOUNTS; i++) {
            Actor client = Actor.clientUser("client-" + i);
            ConversationId conversation = conversations.get(i);
            CompletableFuture.runAsync(() -> messaging.messages().post(client, conversation, NewMessage.text("hi")))
                    .get(10, TimeUnit.SECONDS);
        }
        CompletableFuture.runAsync(() -> messaging.messages().post(OWNER, conversations.get(1),
                NewMessage.text("answer"))).get(10, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> messaging.messages().markRead(OWNER, conversations.get(2), Long.MAX_VALUE))
                .get(10, TimeUnit.SECONDS);
        assertThat(held).isNotDone();

        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        // Unread for the owner: one message in each of the accounts 3 to 8; their own post and answer, and the read
        // conversation, count nothing.
        assertThat(messaging.messages().unreadTotal(OWNER)).isEqualTo(ACCOUNTS - 3);
        assertThat(messaging.messages().unreadTotal(Actor.clientUser("client-1"))).isEqualTo(1);
        assertThat(messaging.messages().unreadTotal(Actor.clientUser("client-0"))).isEqualTo(1);
    }
}
