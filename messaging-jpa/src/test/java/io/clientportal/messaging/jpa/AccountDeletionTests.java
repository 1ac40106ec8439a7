package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.memory.InMemoryAttachmentStore;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deleting a client account deletes every row of its conversation, and its own attachment bytes after commit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountDeletionTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final Actor ALICE = Actor.clientUser("alice");

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;
    private final InMemoryAttachmentStore bytes = new InMemoryAttachmentStore();
    private Messaging messaging;

    @BeforeAll
    void start() {
        database = newDatabase();
        store = JpaMessagingStore.create(database.dataSource());
        messaging = Messaging.builder().store(store).attachmentStore(bytes).build();
    }

    @AfterAll
    void stop() {
        messaging.close();
        store.close();
        database.close();
    }

    @Test
    void deletingAnAccountRemovesItsConversationWithEverythingInIt() throws SQLException {
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("agent", "Agent", TeamRole.AGENT);
        ConversationId acme = messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
        ConversationId other = messaging.directory().createClientAccount("other", "Other", AccountKind.INDIVIDUAL)
                .id();
        messaging.directory().addClientUser("acme", "alice", "Alice");
        messaging.directory().addClientUser("acme", "bob", "Bob");
        messaging.conversations().addParticipant(OWNER, acme, "agent", Access.WRITE);
        Attachment own = upload(ALICE, "notes.txt");
        messaging.messages().post(ALICE, acme, NewMessage.text("see attached").withAttachments(own.id()));
        Attachment shared = upload(OWNER, "news.txt");
        Announcement sent = messaging.announcements().send(OWNER,
                NewAnnouncement.toAllClients("News").withAttachments(shared.id()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                messaging.announcements().get(OWNER, sent.id()).status() == Announcement.Status.DELIVERED);
        messaging.messages().markRead(Actor.teamMember("agent"), acme, 2);
        assertThat(bytes.size()).isEqualTo(2);

        messaging.directory().deleteClientAccount("acme");

        for (String table : List.of("messaging_message", "messaging_participant", "messaging_read_horizon",
                "messaging_announcement_target", "messaging_attachment")) {
            assertThat(count(table + " WHERE conversation_id = '" + acme + "'")).as(table).isZero();
        }
        assertThat(count("messaging_conversation WHERE id = '" + acme + "'")).isZero();
        assertThat(count("messaging_client_user WHERE account_id = 'acme'")).isZero();
        assertThat(count("messaging_client_account WHERE id = 'acme'")).isZero();
        // The announcement's attachment is shared with the other conversation and stays, bytes and all.
        assertThat(count("messaging_attachment WHERE id = '" + shared.id() + "'")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> bytes.size() == 1);
        assertThat(messaging.messages().history(OWNER, other, io.clientportal.messaging.model.HistoryQuery.latest(10))
                .items()).singleElement().satisfies(m -> assertThat(m.attachments()).containsExactly(shared));
    }

    private Attachment upload(Actor actor, String name) {
        return messaging.attachments().upload(actor, name, "text/plain",
                new ByteArrayInputStream(("plain text of " + name).getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String fromWhere) throws SQLException {
        return Long.parseLong(SchemaTests.strings(database.dataSource(), "SELECT COUNT(*) FROM " + fromWhere)
                .get(0));
    }
}
