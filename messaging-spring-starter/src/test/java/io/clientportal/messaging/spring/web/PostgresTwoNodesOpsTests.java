package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.testkit.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes of one application on one PostgreSQL, as operations meets them: the rate limit
 * ({@code messaging.web.rate-limit.store=postgresql}) holds across both, so an actor spreading posts over the nodes
 * gets the limit once, not once per node; and each node's metrics count the posts that node made, although both
 * relays see every post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTwoNodesOpsTests {

    private static final int LIMIT = 5;

    private TestPostgres.Schema database;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void start() {
        database = TestPostgres.freshSchema("starter_ops_");
        nodeA = start(database);
        nodeB = start(database);
        Messaging messaging = nodeA.getBean(Messaging.class);
        TestNodes.seed(messaging);
    }

    private ConfigurableApplicationContext start(TestPostgres.Schema database) {
        return TestNodes.start(database,
                "messaging.events.poll-interval=200ms",
                "messaging.web.rate-limit.store=postgresql",
                "messaging.web.rate-limit.table=ops_rate_limit",
                "messaging.web.rate-limit.posts=" + LIMIT,
                "messaging.web.rate-limit.period=1h",
                "messaging.attachments.storage-path=target/two-nodes-ops-attachments");
    }

    @AfterAll
    void stop() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theRateLimitHoldsAcrossNodesAndEachNodeCountsItsOwnPosts() {
        HttpCaller cathyOnA = caller(nodeA, "cathy");
        HttpCaller cathyOnB = caller(nodeB, "cathy");
        String conversation = cathyOnA.get("/clients/acme/conversation").json().get("id").asString();
        String messages = "/conversations/" + conversation + "/messages";

        // Alternating nodes: 3 on A, 2 on B use up the one allowance.
        for (int i = 0; i < LIMIT; i++) {
            HttpCaller node = i % 2 == 0 ? cathyOnA : cathyOnB;
            assertThat(node.post(messages, "{\"text\":\"post " + i + "\"}").status()).isEqualTo(201);
        }
        for (HttpCaller node : new HttpCaller[]{cathyOnA, cathyOnB}) {
            HttpCaller.Answer refused = node.post(messages, "{\"text\":\"one too many\"}");
            AbstractMessagingHttpTests.assertProblem(refused, 429, null);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        }
        // Another actor has an allowance of its own.
        assertThat(caller(nodeB, "olivia").post(messages, "{\"text\":\"from the team\"}").status()).isEqualTo(201);

        // Both relays passed all six posts; each node counted only its own.
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{nodeA, nodeB}) {
            await().atMost(Duration.ofSeconds(10)).until(() -> node.getBean(MeterRegistry.class)
                    .get("messaging.events.lag").timer().count() >= LIMIT + 1);
        }
        assertThat(posted(nodeA, "client")).isEqualTo(3);
        assertThat(posted(nodeB, "client")).isEqualTo(2);
        assertThat(posted(nodeA, "team")).isZero();
        assertThat(posted(nodeB, "team")).isEqualTo(1);
    }

    private static double posted(ConfigurableApplicationContext node, String author) {
        return node.getBean(MeterRegistry.class).get("messaging.messages.posted").tag("author", author).counter()
                .count();
    }

    private static HttpCaller caller(ConfigurableApplicationContext node, String user) {
        return new HttpCaller("http://localhost:" + node.getEnvironment().getProperty("local.server.port")
                + "/api/messaging", user);
    }
}
