package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.memory.InMemoryAttachmentStore;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a delete or an edit takes away is gone from the database itself, not only from what the API answers: no
 * {@code messaging_*} table holds it afterwards, the event log and webhook deliveries not yet made included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemovedTextStorageTests {

    private static final Actor OWNER = Actor.teamMember("owner");

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;
    private Messaging messaging;

    @BeforeAll
    void start() {
        database = newDatabase();
        store = JpaMessagingStore.create(database.dataSource());
        // A receiver that is never there: every event's delivery stays queued, payload and all, for an hour.
        messaging = Messaging.builder().store(store).attachmentStore(new InMemoryAttachmentStore())
                .webhook(WebhookEndpoint.of("http://127.0.0.1:9/never", "secret"))
                .webhookPolicy(WebhookPolicy.defaults().withMaxAttempts(100)
                        .withBackoff(Duration.ofHours(1), Duration.ofHours(1)))
                .build();
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
    }

    @AfterAll
    void stop() {
        messaging.close();
        store.close();
        database.close();
    }

    @Test
    void aDeletedMessagesTextAndAttachmentAreInNoTable() throws SQLException {
        Actor alice = Actor.clientUser("alice-" + UUID.randomUUID());
        ConversationId conversation = newAccount(alice);
        String text = "delete me " + UUID.randomUUID();
        String filename = "offer-" + UUID.randomUUID() + ".txt";
        Attachment file = messaging.attachments().upload(alice, filename, "text/plain",
                new ByteArrayInputStream("the offer".getBytes(StandardCharsets.UTF_8)));
        Message posted = messaging.messages().post(alice, conversation, NewMessage.text(text)
                .withAttachments(file.id()));
        messaging.messages().edit(alice, posted.id(), text + " (edited)");
        assertThat(tablesContaining(text)).contains("messaging_message", "messaging_event",
                "messaging_webhook_delivery");

        messaging.messages().delete(OWNER, posted.id());

        assertThat(tablesContaining(text)).isEmpty();
        assertThat(tablesContaining(filename)).isEmpty();
    }

    @Test
    void editedAwayTextIsInNoTable() throws SQLException {
        Actor alice = Actor.clientUser("alice-" + UUID.randomUUID());
        ConversationId conversation = newAccount(alice);
        String before = "first version " + UUID.randomUUID();
        String after = "second version " + UUID.randomUUID();
        Message posted = messaging.messages().post(alice, conversation, NewMessage.text(before));

        messaging.messages().edit(alice, posted.id(), after);

        assertThat(tablesContaining(before)).isEmpty();
        assertThat(tablesContaining(after)).containsExactlyInAnyOrder("messaging_message", "messaging_event",
                "messaging_webhook_delivery");
    }

    @Test
    void aDeletedAccountLeavesNoTextNameOrFileOfItsConversation() throws SQLException {
        String account = "zebra-" + UUID.randomUUID();
        String name = "Zebra Holdings " + UUID.randomUUID();
        ConversationId conversation = messaging.directory().createClientAccount(account, name,
                AccountKind.ORGANISATION).id();
        Actor alice = Actor.clientUser("alice-" + UUID.randomUUID());
        messaging.directory().addClientUser(account, alice.id(), "Alice");
        String text = "account text " + UUID.randomUUID();
        String filename = "contract-" + UUID.randomUUID() + ".txt";
        Attachment file = messaging.attachments().upload(alice, filename, "text/plain",
                new ByteArrayInputStream("the contract".getBytes(StandardCharsets.UTF_8)));
        Message posted = messaging.messages().post(alice, conversation, NewMessage.text(text)
                .withAttachments(file.id()));
        messaging.messages().edit(alice, posted.id(), text + " (edited)");
        messaging.messages().markRead(OWNER, conversation, 1);
        assertThat(tablesContaining(name)).contains("messaging_event", "messaging_conversation");

        messaging.directory().deleteClientAccount(account);

        assertThat(tablesContaining(text)).isEmpty();
        assertThat(tablesContaining(name)).isEmpty();
        assertThat(tablesContaining(filename)).isEmpty();
    }

    @Test
    void anEditRacingADeleteCannotPutTextBackOnTheTombstone() throws Exception {
        Actor alice = Actor.clientUser("alice-" + UUID.randomUUID());
        ConversationId conversation = newAccount(alice);
        Message posted = messaging.messages().post(alice, conversation, NewMessage.text("original"));
        String racing = "racing edit " + UUID.randomUUID();
        HoldingStore holding = new HoldingStore(store);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Messaging deleting = Messaging.builder().store(holding).attachmentStore(new InMemoryAttachmentStore())
                .build()) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> delete = threads.submit(() -> {
                holding.holdNextCommit(written, release);
                deleting.messages().delete(OWNER, posted.id());
            });
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            // The edit read the message before the delete committed, then waits for its row.
            Future<Message> edit = threads.submit(() -> messaging.messages().edit(alice, posted.id(), racing));
            await().atMost(Duration.ofSeconds(30)).until(this::someoneWaitsForARowLock);
            release.countDown();
            delete.get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> edit.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class);
        } finally {
            threads.shutdownNow();
        }
        Message tombstone = messaging.messages().get(OWNER, posted.id());
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.text()).isEmpty();
        assertThat(tablesContaining(racing)).isEmpty();
    }

    private boolean someoneWaitsForARowLock() throws SQLException {
        String sql = database.isPostgres()
                ? "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE l.locktype = 'tuple' AND c.relname = 'messaging_message'"
                + " AND n.nspname = current_schema()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return Long.parseLong(SchemaTests.strings(database.dataSource(), sql).get(0)) > 0;
    }

    /** A new account with {@code user} in it; returns its conversation. */
    private ConversationId newAccount(Actor user) {
        String id = "acme-" + UUID.randomUUID();
        ConversationId conversation = messaging.directory().createClientAccount(id, "Acme", AccountKind.ORGANISATION)
                .id();
        messaging.directory().addClientUser(id, user.id(), "Alice");
        return conversation;
    }

    /** The messaging tables with a value that contains {@code text}, in any column of any row. */
    private List<String> tablesContaining(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            TreeSet<String> tables = new TreeSet<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[]{"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                if (!table.toLowerCase(Locale.ROOT).startsWith("messaging_")) {
                    continue;
                }
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    if (contains(rows, text)) {
                        found.add(table.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(ResultSet rows, String text) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
                String value = rows.getString(i);
                if (value != null && value.contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
