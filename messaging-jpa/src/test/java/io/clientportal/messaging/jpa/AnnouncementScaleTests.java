package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An announcement to 10,000 conversations, delivered set-based in chunks; the time goes to the test log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnnouncementScaleTests {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementScaleTests.class);
    private static final int CONVERSATIONS = 10_000;
    private static final Actor OWNER = Actor.teamMember("owner");

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;
    private Messaging messaging;

    @BeforeAll
    void start() throws SQLException {
        database = newDatabase();
        store = JpaMessagingStore.create(database.dataSource());
        messaging = Messaging.builder().store(store).build().tenant("bulk");
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        seedAccounts(database.dataSource(), "bulk", CONVERSATIONS);
    }

    @AfterAll
    void stop() {
        messaging.close();
        store.close();
        database.close();
    }

    /**
     * Test data only: {@code count} individual accounts {@code bulk-0...} of a tenant and their conversations,
     * written in bulk to keep the set-up short.
     */
    static void seedAccounts(DataSource dataSource, String tenantId, int count) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement account = connection.prepareStatement("INSERT INTO messaging_client_account"
                     + " (tenant_id, id, name, kind) VALUES (?, ?, ?, 'INDIVIDUAL')");
             PreparedStatement conversation = connection.prepareStatement("INSERT INTO messaging_conversation"
                     + " (tenant_id, id, client_account_id, client_name, last_seq, created_at, activity_at)"
                     + " VALUES (?, ?, ?, ?, 0, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                account.setString(1, tenantId);
                account.setString(2, "bulk-" + i);
                account.setString(3, "Bulk " + i);
                account.addBatch();
                conversation.setString(1, tenantId);
                conversation.setObject(2, UUID.randomUUID());
                conversation.setString(3, "bulk-" + i);
                conversation.setString(4, "Bulk " + i);
                conversation.setTimestamp(5, now);
                conversation.setTimestamp(6, now);
                conversation.addBatch();
            }
            account.executeBatch();
            conversation.executeBatch();
            connection.commit();
        }
    }

    @Test
    void anAnnouncementToTenThousandConversationsIsDeliveredOnceToEach() throws SQLException {
        long started = System.nanoTime();
        Announcement sent = messaging.announcements().send(OWNER, NewAnnouncement.toAllClients("Big news"));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                messaging.announcements().get(OWNER, sent.id()).status() == Announcement.Status.DELIVERED);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        log.info("Announcement to {} conversations on {} delivered in {} ms", CONVERSATIONS,
                database.isPostgres() ? "PostgreSQL" : "H2", millis);

        assertThat(messaging.announcements().get(OWNER, sent.id()).deliveredCount()).isEqualTo(CONVERSATIONS);
        assertThat(SchemaTests.strings(database.dataSource(), "SELECT COUNT(*) FROM messaging_message"
                + " WHERE tenant_id = 'bulk' AND seq = 1 AND text = 'Big news'")).containsExactly("10000");
        assertThat(SchemaTests.strings(database.dataSource(), "SELECT COUNT(*) FROM messaging_conversation"
                + " WHERE tenant_id = 'bulk' AND last_seq <> 1")).containsExactly("0");
        assertThat(messaging.messages().unreadTotal(Actor.teamMember("owner"))).isZero();
    }
}
