package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes (two stores, two connection pools, two engines) on one PostgreSQL: the database alone
 * serialises them, through the conversation's row lock and the unique keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMultiNodeTests {

    private static final Actor OWNER = Actor.teamMember("owner");

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore storeA;
    private JpaMessagingStore storeB;
    private Messaging nodeA;
    private Messaging nodeB;

    @BeforeAll
    void start() {
        database = TestDatabases.postgres();
        storeA = JpaMessagingStore.create(database.dataSource());
        storeB = JpaMessagingStore.create(database.anotherPool("messaging-node-b"));
        nodeA = Messaging.builder().store(storeA).build();
        nodeB = Messaging.builder().store(storeB).build();
        nodeA.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
    }

    @AfterAll
    void stop() {
        nodeA.close();
        nodeB.close();
        storeA.close();
        storeB.close();
        database.close();
    }

    @Test
    void twoNodesPostingToOneConversationGetAGapFreeSeq() throws Exception {
        ConversationId id = nodeA.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
        int threadsPerNode = 4;
        int postsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
        CyclicBarrier start = new CyclicBarrier(2 * threadsPerNode);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2 * threadsPerNode; t++) {
            Messaging node = t % 2 == 0 ? nodeA : nodeB;
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < postsPerThread; i++) {
                    node.messages().post(OWNER, id, NewMessage.text("t" + thread + "-" + i));
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int total = 2 * threadsPerNode * postsPerThread;
        List<Message> history = Nodes.history(nodeB, OWNER, id);
        assertThat(history).extracting(Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(history).extracting(Message::text).doesNotHaveDuplicates();
        assertThat(nodeA.conversations().get(OWNER, id).lastSeq()).isEqualTo(total);
    }

    @Test
    void idempotentRetriesRacingOnTwoNodesStoreOneMessage() throws Exception {
        ConversationId id = nodeA.directory().createClientAccount("retry", "Retry", AccountKind.INDIVIDUAL).id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int keys = 25;
        for (int k = 0; k < keys; k++) {
            CyclicBarrier start = new CyclicBarrier(2);
            NewMessage message = NewMessage.text("once " + k).withClientMessageId("key-" + k);
            Future<Message> a = pool.submit(() -> {
                start.await();
                return nodeA.messages().post(OWNER, id, message);
            });
            Future<Message> b = pool.submit(() -> {
                start.await();
                return nodeB.messages().post(OWNER, id, message);
            });
            assertThat(a.get(1, TimeUnit.MINUTES).id()).isEqualTo(b.get(1, TimeUnit.MINUTES).id());
        }
        pool.shutdown();

        List<Message> history = Nodes.history(nodeA, OWNER, id);
        assertThat(history).hasSize(keys);
        assertThat(history).extracting(Message::clientMessageId).doesNotHaveDuplicates();
        assertThat(history).extracting(Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, keys).boxed().toList());
    }
}
