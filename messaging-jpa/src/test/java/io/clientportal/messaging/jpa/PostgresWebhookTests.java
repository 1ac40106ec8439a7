package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.WebhookSignature;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.model.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks from application instances sharing one PostgreSQL, to a real local HTTP receiver: signed, retried with
 * the same id, dead-lettered and replayed, claimed so that racing instances send each attempt once, and left to
 * another instance by one that is closed mid-delivery.
 */
class PostgresWebhookTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("a signing key of the receiver".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private TestDatabases.TestDatabase database;
    private WebhookReceiver receiver;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ConversationId conversation;

    @BeforeEach
    void start() {
        database = TestDatabases.postgres();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        receiver.close();
        database.close();
    }

    private Messaging node(String name, WebhookPolicy policy) {
        JpaMessagingStore store = JpaMessagingStore.create(database.anotherPool(name));
        Messaging node = Messaging.builder().store(store)
                .webhook(WebhookEndpoint.of(receiver.url(), SECRET).forEvents("MessagePosted"))
                .webhookPolicy(policy)
                .build();
        toClose.add(store);
        toClose.add(node);
        if (conversation == null) {
            node.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
            conversation = node.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
        }
        return node;
    }

    private static WebhookPolicy quick() {
        return WebhookPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .withTimeout(Duration.ofMillis(500));
    }

    @Test
    void aReceiverThatFailsOrTimesOutGetsRetriesWithTheSameIdAndAValidSignature() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger attempt = new AtomicInteger();
        receiver.answer(request -> switch (attempt.incrementAndGet()) {
            case 1 -> 500;
            case 2 -> {
                awaitQuietly(never, 1_500);   // longer than the sender's time-out
                yield 0;
            }
            default -> 200;
        });
        Messaging node = node("node-a", quick());

        var message = node.messages().post(OWNER, conversation, NewMessage.text("Invoice 7 is ready"));

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted().size() == 1);
        List<WebhookReceiver.Received> attempts = receiver.received().stream()
                .filter(r -> r.id().equals(receiver.accepted().get(0).id())).toList();
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsOnly(attempts.get(0).id());
        for (WebhookReceiver.Received r : receiver.received()) {
            assertThat(WebhookSignature.verify(SECRET, r.id(), r.timestamp(), r.body(), r.signature())).isTrue();
            assertThat(WebhookSignature.verify(SECRET, r.id(), r.timestamp(), r.body() + " ", r.signature()))
                    .isFalse();
        }
        assertThat(receiver.accepted().get(0).body()).contains("\"type\":\"MessagePosted\"")
                .contains(message.id().toString()).contains("Invoice 7 is ready");
        assertThat(receiver.accepted().get(0).status()).isEqualTo(200);
        assertThat(node.webhooks().deadLetters(null, 10)).isEmpty();
        never.countDown();
    }

    @Test
    void afterTheLastAttemptADeliveryIsADeadLetterThatAnOperatorCanListAndReplay() {
        receiver.answer(request -> 500);
        Messaging node = node("node-a", quick().withMaxAttempts(2));
        node.messages().post(OWNER, conversation, NewMessage.text("hello"));

        await().atMost(Duration.ofSeconds(15)).until(() -> node.webhooks().deadLetters(null, 10).size() == 1);
        WebhookDelivery dead = node.webhooks().deadLetters(null, 10).get(0);
        assertThat(dead.dead()).isTrue();
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.lastError()).isEqualTo("HTTP 500");
        assertThat(dead.eventType()).isEqualTo("MessagePosted");
        assertThat(receiver.received()).hasSize(2).extracting(WebhookReceiver.Received::id)
                .containsOnly(dead.eventId());

        receiver.answer(request -> 204);
        assertThat(node.webhooks().replay(dead.id())).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).id()).isEqualTo(dead.eventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> node.webhooks().delivery(dead.id()).isEmpty());
        assertThat(node.webhooks().deadLetters(null, 10)).isEmpty();
        assertThat(node.webhooks().replay(dead.id())).isFalse();
    }

    @Test
    void twoInstancesRacingForTheSameDeliveriesSendEachOnce() throws Exception {
        Messaging a = node("node-a", quick().withTimeout(Duration.ofSeconds(5)));
        Messaging b = node("node-b", quick().withTimeout(Duration.ofSeconds(5)));
        int perNode = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> posting = new ArrayList<>();
        for (Messaging node : List.of(a, b)) {
            posting.add(pool.submit(() -> {
                for (int i = 0; i < perNode; i++) {
                    node.messages().post(OWNER, conversation, NewMessage.text("m" + i));
                }
                return null;
            }));
        }
        for (Future<?> future : posting) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 2 * perNode);
        assertThat(receiver.received()).hasSize(2 * perNode);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
    }

    @Test
    void anInstanceClosedAbruptlyMidDeliveryLeavesTheDeliveryToAnother() {
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicInteger attempt = new AtomicInteger();
        receiver.answer(request -> {
            if (attempt.incrementAndGet() == 1) {
                awaitQuietly(unblock, 30_000);   // the first attempt hangs until the test ends
                return 0;
            }
            return 200;
        });
        WebhookPolicy policy = quick().withTimeout(Duration.ofSeconds(1));
        Messaging a = node("node-a", policy);
        a.messages().post(OWNER, conversation, NewMessage.text("hello"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.arrivals() == 1);

        a.close();   // mid-delivery: the attempt is neither answered nor recorded
        Messaging b = node("node-b", policy);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
        assertThat(b.webhooks().deadLetters(null, 10)).isEmpty();
        unblock.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
