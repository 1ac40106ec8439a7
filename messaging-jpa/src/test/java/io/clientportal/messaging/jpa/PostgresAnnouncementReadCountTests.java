package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An announcement's read count on a node other than the one a client replied on: the reply moved the client's
 * horizon, and that node's relay forgets the count it held when it passes the reply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAnnouncementReadCountTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final Actor CLIENT = Actor.clientUser("carla");

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
        nodeA = Messaging.builder().store(storeA).eventPollInterval(Duration.ofSeconds(10)).build();
        nodeB = Messaging.builder().store(storeB).eventPollInterval(Duration.ofSeconds(10)).build();
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
    void aClientsReplyOnOneNodeCountsAsReadOnTheOtherAtOnce() {
        nodeA.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        ConversationId carla = nodeA.directory().createClientAccount("carla-co", "Carla", AccountKind.INDIVIDUAL)
                .id();
        nodeA.directory().addClientUser("carla-co", "carla", "Carla");
        nodeA.directory().createClientAccount("other", "Other", AccountKind.INDIVIDUAL);
        Announcement sent = nodeA.announcements().send(OWNER,
                NewAnnouncement.toClients(List.of("carla-co", "other"), "Please confirm"));
        Announcement delivered = await().atMost(Duration.ofSeconds(30)).until(() ->
                nodeB.announcements().get(OWNER, sent.id()), a -> a.status() == Announcement.Status.DELIVERED);
        assertThat(delivered.readCount()).isZero();   // node B now holds the count

        nodeA.messages().post(CLIENT, carla, NewMessage.text("Confirmed"));

        // Well within the count's expiry (5 s): what passes here was invalidated, not expired.
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() ->
                nodeB.announcements().get(OWNER, sent.id()).readCount() == 1);
    }
}
