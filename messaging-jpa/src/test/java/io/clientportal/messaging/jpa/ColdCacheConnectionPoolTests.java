package io.clientportal.messaging.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads that miss the cache load it in the unit of work they run in: on a pool of two connections, eight callers
 * with cold caches all finish at once instead of holding a connection each while waiting for a second.
 */
class ColdCacheConnectionPoolTests {

    private static final int CALLERS = 8;

    @Test
    void eightColdCallersOnAPoolOfTwoConnectionsAllFinishPromptly() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:pool_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
        config.setUsername("sa");
        config.setMaximumPoolSize(2);
        // Well above the bound below: a caller waiting for a second connection would wait this long, then fail.
        config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try (HikariDataSource dataSource = new HikariDataSource(config);
             JpaMessagingStore store = JpaMessagingStore.create(dataSource)) {
            List<ConversationId> conversations = new ArrayList<>();
            try (Messaging seeding = Messaging.builder().store(store).build()) {
                seeding.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
                for (int i = 0; i < CALLERS; i++) {
                    ConversationId id = seeding.directory().createClientAccount("acct-" + i, "Client " + i,
                            AccountKind.INDIVIDUAL).id();
                    seeding.directory().addClientUser("acct-" + i, "user-" + i, "User " + i);
                    seeding.directory().upsertTeamMember("agent-" + i, "Agent " + i, TeamRole.AGENT);
                    seeding.conversations().addParticipant(Actor.teamMember("owner"), id, "agent-" + i,
                            Access.WRITE);
                    conversations.add(id);
                }
            }
            // A new engine: every cache is cold.
            try (Messaging messaging = Messaging.builder().store(store).build()) {
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Void>> callers = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    ConversationId id = conversations.get(i);
                    Actor agent = Actor.teamMember("agent-" + i);
                    Actor client = Actor.clientUser("user-" + i);
                    callers.add(CompletableFuture.runAsync(() -> {
                        released(start);
                        messaging.conversations().get(agent, id);
                        messaging.messages().post(client, id, NewMessage.text("hello"));
                        messaging.messages().history(agent, id, HistoryQuery.latest(10));
                        messaging.conversations().inbox(client, InboxQuery.first(10));
                        messaging.messages().unreadTotal(agent);
                        messaging.conversations().participants(client, id);
                    }, pool));
                }
                start.countDown();
                CompletableFuture<Void> all = CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new));
                await().atMost(Duration.ofSeconds(10)).until(all::isDone);
                all.join();
                for (int i = 0; i < CALLERS; i++) {
                    assertThat(messaging.messages().unreadTotal(Actor.teamMember("agent-" + i))).isEqualTo(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void released(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
