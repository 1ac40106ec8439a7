package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Announcement delivery on two nodes (two engines, each with its own store and pool) on one PostgreSQL: a node that
 * stops mid-delivery is taken over by the other without a restart, and two nodes delivering the same announcement
 * at once deliver it exactly once, with an exact count and one {@code AnnouncementDelivered}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAnnouncementTakeoverTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final int TARGETS = 600;
    private static final int CHUNK = 20;

    private TestDatabases.TestDatabase database;
    private final List<AutoCloseable> opened = Collections.synchronizedList(new ArrayList<>());
    private String tenant;

    @BeforeAll
    void start() {
        database = TestDatabases.postgres();
    }

    @AfterEach
    void closeNodes() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();   // the engines, then their stores
        }
        opened.clear();
        tenant = null;
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void aNodeThatDiesMidDeliveryIsTakenOverByTheOtherOnceItsLeaseRunsOut() throws Exception {
        StoppingStore dying = new StoppingStore(newStore("node-a"), StoppingStore.Mode.DIE, 3);
        Messaging nodeA = node(dying, Duration.ofSeconds(1), Duration.ofMillis(100));
        Messaging nodeB = node(newStore("node-b"), Duration.ofSeconds(1), Duration.ofMillis(100));
        seed(nodeA);

        Announcement sent = nodeA.announcements().send(OWNER, NewAnnouncement.toAllClients("Node A died"));
        assertThat(dying.stopped().await(30, TimeUnit.SECONDS)).as("node A died mid-delivery").isTrue();

        assertDeliveredOnceToEach(nodeB, sent.id());
    }

    @Test
    void aNodeShutDownMidDeliveryHandsItOverAtOnce() throws Exception {
        StoppingStore pausing = new StoppingStore(newStore("node-a"), StoppingStore.Mode.PAUSE, 3);
        // A lease of an hour: node B can only continue because node A let go when it shut down.
        Messaging nodeA = node(pausing, Duration.ofHours(1), Duration.ofMillis(100));
        Messaging nodeB = node(newStore("node-b"), Duration.ofHours(1), Duration.ofMillis(100));
        seed(nodeA);

        Announcement sent = nodeA.announcements().send(OWNER, NewAnnouncement.toAllClients("Node A stopped"));
        assertThat(pausing.stopped().await(30, TimeUnit.SECONDS)).as("node A is mid-delivery").isTrue();
        assertThat(nodeB.announcements().get(OWNER, sent.id()).deliveredCount()).isEqualTo(3 * CHUNK);
        nodeA.close();

        assertDeliveredOnceToEach(nodeB, sent.id());
    }

    @Test
    void twoNodesResumingTheSameAnnouncementAtOnceDeliverItOnceWithAnExactCount() throws Exception {
        // Left unfinished by a node that shut down after its first chunks.
        StoppingStore pausing = new StoppingStore(newStore("node-c"), StoppingStore.Mode.PAUSE, 2);
        Messaging nodeC = node(pausing, Duration.ofHours(1), Duration.ofHours(1));
        seed(nodeC);
        Announcement sent = nodeC.announcements().send(OWNER, NewAnnouncement.toAllClients("Both resume it"));
        assertThat(pausing.stopped().await(30, TimeUnit.SECONDS)).isTrue();
        nodeC.close();

        // Both start at once and both go for it; leases shorter than a chunk make them take it from each other
        // between chunks all the way through.
        MessagingStore storeA = newStore("node-a");
        MessagingStore storeB = newStore("node-b");
        CompletableFuture<Messaging> a = CompletableFuture.supplyAsync(() ->
                node(storeA, Duration.ofMillis(5), Duration.ofMillis(5)));
        CompletableFuture<Messaging> b = CompletableFuture.supplyAsync(() ->
                node(storeB, Duration.ofMillis(5), Duration.ofMillis(5)));
        Messaging nodeA = a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);

        assertDeliveredOnceToEach(nodeA, sent.id());
    }

    private void assertDeliveredOnceToEach(Messaging node, AnnouncementId id) throws SQLException {
        Announcement done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> node.announcements().get(OWNER, id), a -> a.status() != Announcement.Status.QUEUED
                        && a.status() != Announcement.Status.SENDING);
        assertThat(done.status()).isEqualTo(Announcement.Status.DELIVERED);
        assertThat(done.targetCount()).isEqualTo(TARGETS);
        assertThat(done.deliveredCount()).isEqualTo(TARGETS);
        assertThat(sql("SELECT COUNT(*) || '/' || COUNT(DISTINCT conversation_id) FROM messaging_message"
                + " WHERE tenant_id = '" + tenant + "' AND announcement_id = '" + id.value() + "'"))
                .as("messages / conversations that have one").isEqualTo(TARGETS + "/" + TARGETS);
        assertThat(sql("SELECT COUNT(*) FROM messaging_conversation WHERE tenant_id = '" + tenant + "'"
                + " AND last_seq <> 1")).as("conversations with anything but the one message").isEqualTo("0");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredEvents(id) > 0);
        assertThat(deliveredEvents(id)).as("AnnouncementDelivered events").isEqualTo(1);
    }

    private long deliveredEvents(AnnouncementId id) throws SQLException {
        return Long.parseLong(sql("SELECT COUNT(*) FROM messaging_event WHERE type = 'AnnouncementDelivered'"
                + " AND payload LIKE '%" + id.value() + "%'"));
    }

    private String sql(String query) throws SQLException {
        return SchemaTests.strings(database.dataSource(), query).get(0);
    }

    private MessagingStore newStore(String name) {
        JpaMessagingStore store = JpaMessagingStore.create(database.anotherPool(name));
        opened.add(store);
        return store;
    }

    /** A node in this test's tenant, delivering in small chunks; closed after the test. */
    private Messaging node(MessagingStore store, Duration lease, Duration sweepInterval) {
        Messaging engine = Messaging.builder().store(store)
                .limits(MessagingLimits.defaults().withAnnouncementChunkSize(CHUNK))
                .announcementLease(lease).announcementSweepInterval(sweepInterval)
                .eventPollInterval(Duration.ofMillis(200)).build();
        opened.add(engine);
        return engine.tenant(tenant());
    }

    private synchronized String tenant() {
        if (tenant == null) {
            tenant = "t-" + UUID.randomUUID();
        }
        return tenant;
    }

    /** This test's tenant: the owner and {@link #TARGETS} client accounts. */
    private void seed(Messaging node) throws SQLException {
        node.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        AnnouncementScaleTests.seedAccounts(database.dataSource(), tenant, TARGETS);
    }
}
