package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spring.MessagingProperties;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spring.web.host.InvoiceRepository;
import io.clientportal.messaging.spring.web.host.InvoiceService;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import io.clientportal.messaging.Messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The API over the JPA store in the host's own persistence unit, beside the host's entities and Flyway migrations.
 */
@Import(AbstractJpaMessagingHttpTests.HostServices.class)
abstract class AbstractJpaMessagingHttpTests extends AbstractMessagingHttpTests {

    private static final AtomicLong INVOICE_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    MessagingStore store;

    @Autowired
    InvoiceRepository invoices;

    @Autowired
    InvoiceService invoiceService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessagingProperties properties;

    @TestConfiguration(proxyBeanMethods = false)
    static class HostServices {
        @Bean
        InvoiceService invoiceService(InvoiceRepository invoices, Messaging messaging) {
            return new InvoiceService(invoices, messaging);
        }
    }

    @Test
    void theJpaStoreSharesTheHostsPersistenceUnitAndSchema() {
        assertThat(store).isInstanceOf(JpaMessagingStore.class);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = 'messaging_schema_history' and table_schema = current_schema", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from messaging_conversation where client_account_id = ?",
                Long.class, portal.account)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = 'flyway_schema_history' and table_schema = current_schema", Long.class)).isEqualTo(1);
        assertThat(invoices.count()).isNotNegative();
    }

    @Test
    void aHostTransactionCommitsItsEntitiesAndTheMessageTogetherOrNeither() {
        long committed = INVOICE_IDS.incrementAndGet();
        invoiceService.issue(committed, portal.account, portal.conversation.id(), portal.actor(Who.OWNER), false);
        assertThat(invoices.findById(committed)).isPresent();
        assertThat(history()).containsExactly("Your invoice " + committed + " is ready");

        long rolledBack = INVOICE_IDS.incrementAndGet();
        assertThatThrownBy(() -> invoiceService.issue(rolledBack, portal.account, portal.conversation.id(),
                portal.actor(Who.OWNER), true)).isInstanceOf(IllegalStateException.class);
        assertThat(invoices.findById(rolledBack)).isEmpty();
        assertThat(history()).containsExactly("Your invoice " + committed + " is ready");

        // The conversation's counter was rolled back with the host: the next message takes the next seq.
        String id = postMessage(Who.CLIENT_OF_ACCOUNT, "thanks");
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get(portal.conversationPath() + "/messages").json().get("items")
                .get(1).get("seq").asLong()).isEqualTo(2);
        assertThat(id).isNotBlank();
    }

    // --- what follows a commit waits for the host's @Transactional method, and never follows its rollback -----

    @Test
    void deletingAMessageInAHostTransactionDeletesItsAttachmentBytesOnlyWhenTheHostCommits() throws Exception {
        Actor owner = portal.actor(Who.OWNER);
        String attachment = as(Who.OWNER).upload("scan.png", "image/png", PNG).json().get("id").asString();
        Message posted = messaging.messages().post(owner, portal.conversation.id(),
                NewMessage.text("the scan").withAttachments(AttachmentId.of(attachment)));
        long files = storedFiles();

        inHost(true, () -> {
            messaging.messages().delete(owner, posted.id());
            return null;
        });
        assertThat(as(Who.OWNER).download("/attachments/" + attachment).statusCode()).isEqualTo(200);
        assertThat(storedFiles()).isEqualTo(files);

        inHost(false, () -> {
            messaging.messages().delete(owner, posted.id());
            return null;
        });
        assertThat(as(Who.OWNER).download("/attachments/" + attachment).statusCode()).isEqualTo(404);
        assertThat(storedFiles()).isEqualTo(files - 1);
    }

    @Test
    void deletingAClientAccountInAHostTransactionDeletesItsAttachmentBytesOnlyWhenTheHostCommits() throws Exception {
        String attachment = as(Who.CLIENT_OF_ACCOUNT).upload("id.png", "image/png", PNG).json().get("id").asString();
        messaging.messages().post(portal.actor(Who.CLIENT_OF_ACCOUNT), portal.conversation.id(),
                NewMessage.text("my id").withAttachments(AttachmentId.of(attachment)));
        long files = storedFiles();

        inHost(true, () -> {
            messaging.directory().deleteClientAccount(portal.account);
            return null;
        });
        assertThat(as(Who.OWNER).download("/attachments/" + attachment).statusCode()).isEqualTo(200);
        assertThat(storedFiles()).isEqualTo(files);

        inHost(false, () -> {
            messaging.directory().deleteClientAccount(portal.account);
            return null;
        });
        assertThat(as(Who.OWNER).get(portal.conversationPath()).status()).isEqualTo(404);
        assertThat(storedFiles()).isEqualTo(files - 1);
    }

    @Test
    void anAnnouncementSentInAHostTransactionIsDeliveredAfterTheHostCommitsAndNeverAfterItRollsBack() {
        Actor owner = portal.actor(Who.OWNER);
        AtomicReference<Announcement> rolledBack = new AtomicReference<>();
        inHost(true, () -> {
            rolledBack.set(messaging.announcements().send(owner,
                    NewAnnouncement.toClients(List.of(portal.otherAccount), "never")));
            return null;
        });
        Announcement committed = inHost(false, () -> messaging.announcements().send(owner,
                NewAnnouncement.toClients(List.of(portal.otherAccount), "Office closed on Friday")));

        await().atMost(Duration.ofSeconds(10)).until(() -> messaging.announcements().get(owner, committed.id())
                .status() == Announcement.Status.DELIVERED);
        assertThat(messaging.messages().history(owner, portal.otherConversation.id(), HistoryQuery.latest(10))
                .items()).extracting(Message::text).containsExactly("Office closed on Friday");
        assertThat(as(Who.OWNER).get("/announcements/" + rolledBack.get().id()).status()).isEqualTo(404);
    }

    @Test
    void aReadInAHostTransactionSeesItsUncommittedPostAndAReadOutsideNeverDoes() {
        List<String> before = history();
        AtomicReference<List<String>> inside = new AtomicReference<>();
        AtomicReference<List<String>> outside = new AtomicReference<>();
        inHost(true, () -> {
            messaging.messages().post(portal.actor(Who.OWNER), portal.conversation.id(),
                    NewMessage.text("Draft invoice attached"));
            // Joined: this read runs in the host's transaction, before its commit.
            inside.set(history());
            // Another thread, in no transaction, reads on a connection of its own: what has committed only.
            outside.set(CompletableFuture.supplyAsync(this::history).join());
            return null;
        });
        assertThat(inside.get()).endsWith("Draft invoice attached").hasSize(Math.min(10, before.size() + 1));
        assertThat(outside.get()).isEqualTo(before);
        assertThat(history()).isEqualTo(before);
    }

    @Test
    void aParticipantAddedInARolledBackHostTransactionSeesNothingAfterwardsThoughTheHostReadAsThem() {
        Actor owner = portal.actor(Who.OWNER);
        Actor nina = portal.actor(Who.TEAM_NOT_ADDED);
        inHost(true, () -> {
            messaging.conversations().addParticipant(owner, portal.conversation.id(), portal.id(Who.TEAM_NOT_ADDED),
                    Access.WRITE);
            return messaging.conversations().get(nina, portal.conversation.id());
        });
        assertThat(as(Who.TEAM_NOT_ADDED).get(portal.conversationPath()).status()).isEqualTo(404);
        assertThat(as(Who.TEAM_NOT_ADDED).get(portal.conversationPath() + "/messages").status()).isEqualTo(404);
    }

    @Test
    void aStreamGetsNothingOfARolledBackHostTransaction() throws Exception {
        Actor owner = portal.actor(Who.OWNER);
        try (SseClient stream = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed()) {
            inHost(true, () -> messaging.messages().post(owner, portal.conversation.id(),
                    NewMessage.text("rolled back")));
            inHost(false, () -> messaging.messages().post(owner, portal.conversation.id(),
                    NewMessage.text("committed")));
            postMessage(Who.AGENT_WRITE, "after");
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.ofType("MessagePosted").size() >= 2);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> stream.ofType("MessagePosted").size() == 2);
            assertThat(stream.ofType("MessagePosted")).extracting(e -> e.data().get("message").get("text").asString())
                    .containsExactly("committed", "after");
        }
    }

    /** Runs {@code work} in the host's {@code @Transactional} method, which then fails (and rolls back) if asked. */
    private <T> T inHost(boolean fail, Supplier<T> work) {
        long invoice = INVOICE_IDS.incrementAndGet();
        if (!fail) {
            return invoiceService.issueAnd(invoice, portal.account, work, false);
        }
        assertThatThrownBy(() -> invoiceService.issueAnd(invoice, portal.account, work, true))
                .isInstanceOf(IllegalStateException.class);
        assertThat(invoices.findById(invoice)).isEmpty();
        return null;
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(properties.getAttachments().getStoragePath())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private java.util.List<String> history() {
        return messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                HistoryQuery.latest(10)).items().stream().map(m -> m.text()).toList();
    }
}
