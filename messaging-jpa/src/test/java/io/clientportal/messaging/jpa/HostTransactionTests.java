package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.AttachmentContent;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.memory.InMemoryAttachmentStore;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A host's persistence unit includes the store's entities and its own; with {@link JpaTransactionRunner#joiningHost}
 * a host that saves its own entity and posts a message in one transaction gets both or neither, and what follows a
 * commit (attachment bytes deleted, deliveries scheduled, caches forgotten, subscribers told) waits for the host's
 * commit and never follows its rollback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostTransactionTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final Actor AGENT = Actor.teamMember("agent");
    private static final ThreadLocal<EntityManager> HOST = new ThreadLocal<>();

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private EntityManagerFactory emf;
    private Messaging messaging;
    private JpaMessagingStore store;
    private ConversationId conversation;
    private final InMemoryAttachmentStore bytes = new InMemoryAttachmentStore();
    /** Which threads looked up which announcement while a host transaction was open (thread name, id). */
    private final List<String> lookupsWhileHostOpen = new CopyOnWriteArrayList<>();
    private volatile Thread hostThread;

    @BeforeAll
    void start() throws SQLException {
        database = newDatabase();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE host_order (id VARCHAR(64) PRIMARY KEY, description VARCHAR(255))");
        }
        MessagingSchema.migrate(database.dataSource());
        List<Class<?>> classes = new ArrayList<>(JpaMessagingStore.entityClasses());
        classes.add(HostOrder.class);
        emf = new HibernatePersistenceConfiguration("host")
                .managedClasses(classes)
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
                .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                .createEntityManagerFactory();
        store = JpaMessagingStore.builder(emf)
                .transactionRunner(JpaTransactionRunner.joiningHost(emf, HOST::get))
                .build();
        messaging = Messaging.builder().store(new AnnouncementLookups(store)).attachmentStore(bytes)
                .eventPollInterval(Duration.ofMillis(100)).build();
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("agent", "Agent", TeamRole.AGENT);
        conversation = messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
    }

    @AfterAll
    void stop() {
        messaging.close();
        emf.close();
        database.close();
    }

    @Test
    void aCommittedHostTransactionKeepsTheOrderAndTheMessage() {
        inHostTransaction(true, () -> messaging.messages().post(OWNER, conversation, NewMessage.text("order 1")),
                "order-1");
        assertThat(orderExists("order-1")).isTrue();
        assertThat(texts()).contains("order 1");
    }

    @Test
    void aRolledBackHostTransactionKeepsNeither() {
        long seqBefore = messaging.conversations().get(OWNER, conversation).lastSeq();
        Message posted = inHostTransaction(false,
                () -> messaging.messages().post(OWNER, conversation, NewMessage.text("order 2")), "order-2");
        assertThat(posted.seq()).isEqualTo(seqBefore + 1);
        assertThat(orderExists("order-2")).isFalse();
        assertThat(texts()).doesNotContain("order 2");
        assertThat(messaging.conversations().get(OWNER, conversation).lastSeq()).isEqualTo(seqBefore);
    }

    @Test
    void aFailedUnitInsideTheHostTransactionIsUndoneAloneAndTheHostGoesOn() {
        inHostTransaction(true, () -> {
            Message first = messaging.messages().post(OWNER, conversation,
                    NewMessage.text("order 3 first").withClientMessageId("dup"));
            // A unit that hits a unique key: undone to its savepoint, the host's transaction stays usable.
            assertThatThrownBy(() -> store.inTransaction("default", tx -> {
                long seq = tx.conversations().takeSeq(conversation, first.createdAt()).orElseThrow().seq();
                tx.messages().insert(new MessageRow(new MessageId(UUID.randomUUID()), conversation, seq, OWNER,
                        "Owner", "duplicate", List.of(), false, null, "dup", first.createdAt(), null, null));
                return null;
            })).isInstanceOf(DuplicateKeyException.class);
            return messaging.messages().post(OWNER, conversation, NewMessage.text("order 3"));
        }, "order-3");
        assertThat(orderExists("order-3")).isTrue();
        List<Message> history = Nodes.history(messaging, OWNER, conversation);
        assertThat(history).extracting(Message::text).contains("order 3 first", "order 3").doesNotContain("duplicate");
        assertThat(history).extracting(Message::seq).doesNotHaveDuplicates()
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, history.size()).boxed().toList());
    }

    @Test
    void withoutAHostTransactionTheStoreOpensItsOwn() {
        messaging.messages().post(OWNER, conversation, NewMessage.text("standalone"));
        assertThat(texts()).contains("standalone");
    }

    // --- what follows a commit waits for the host's, and nothing of it follows a rollback ----------------------

    @Test
    void deletingAMessageInAHostTransactionDeletesItsAttachmentBytesOnlyWhenTheHostCommits() throws IOException {
        ConversationId account = newAccount();
        Attachment kept = upload("kept.txt");
        Message first = messaging.messages().post(OWNER, account, NewMessage.text("a file").withAttachments(kept.id()));

        inHostTransaction(false, () -> {
            messaging.messages().delete(OWNER, first.id());
            return null;
        }, newOrderId());
        assertThat(read(kept)).isEqualTo("kept.txt");
        assertThat(Nodes.history(messaging, OWNER, account)).singleElement()
                .satisfies(m -> assertThat(m.deleted()).isFalse());

        int stored = bytes.size();
        inHostTransaction(true, () -> {
            messaging.messages().delete(OWNER, first.id());
            return null;
        }, newOrderId());
        assertThat(bytes.size()).isEqualTo(stored - 1);
        assertThatThrownBy(() -> messaging.attachments().open(OWNER, kept.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAClientAccountInAHostTransactionDeletesItsAttachmentBytesOnlyWhenTheHostCommits() throws IOException {
        String accountId = "acct-" + UUID.randomUUID();
        ConversationId account = messaging.directory().createClientAccount(accountId, "Doomed", AccountKind.INDIVIDUAL)
                .id();
        Attachment contract = upload("contract.txt");
        messaging.messages().post(OWNER, account, NewMessage.text("signed").withAttachments(contract.id()));

        inHostTransaction(false, () -> {
            messaging.directory().deleteClientAccount(accountId);
            return null;
        }, newOrderId());
        assertThat(read(contract)).isEqualTo("contract.txt");
        assertThat(messaging.conversations().get(OWNER, account).lastSeq()).isEqualTo(1);

        int stored = bytes.size();
        inHostTransaction(true, () -> {
            messaging.directory().deleteClientAccount(accountId);
            return null;
        }, newOrderId());
        assertThat(bytes.size()).isEqualTo(stored - 1);
        assertThatThrownBy(() -> messaging.conversations().get(OWNER, account)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUploadInARolledBackHostTransactionLeavesNoBytesBehind() throws IOException {
        int stored = bytes.size();
        Attachment rolledBack = inHostTransaction(false, () -> upload("draft.txt"), newOrderId());
        assertThat(bytes.size()).isEqualTo(stored);
        assertThatThrownBy(() -> messaging.attachments().open(OWNER, rolledBack.id()))
                .isInstanceOf(NotFoundException.class);

        Attachment committed = inHostTransaction(true, () -> upload("final.txt"), newOrderId());
        assertThat(read(committed)).isEqualTo("final.txt");
        assertThat(bytes.size()).isEqualTo(stored + 1);
    }

    @Test
    void anAnnouncementSentInAHostTransactionIsDeliveredAfterTheHostCommitsAndNeverAfterItRollsBack() {
        ConversationId target = newAccount();
        String targetId = messaging.conversations().get(OWNER, target).clientAccountId();

        Announcement rolledBack = inHostTransaction(false, () -> messaging.announcements().send(OWNER,
                NewAnnouncement.toClients(List.of(targetId), "never")), newOrderId());
        Announcement committed = inHostTransaction(true, () -> {
            Announcement sent = messaging.announcements().send(OWNER,
                    NewAnnouncement.toClients(List.of(targetId), "Office closed on Friday"));
            // While the host's transaction is open, no delivery looks for the announcement it cannot see yet.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> lookupsWhileHostOpen.stream().noneMatch(l -> l.endsWith(sent.id().toString())));
            return sent;
        }, newOrderId());

        await().atMost(Duration.ofSeconds(10)).until(() -> messaging.announcements().get(OWNER, committed.id())
                .status() == Announcement.Status.DELIVERED);
        assertThat(Nodes.history(messaging, OWNER, target)).extracting(Message::text)
                .containsExactly("Office closed on Friday");
        assertThatThrownBy(() -> messaging.announcements().get(OWNER, rolledBack.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aParticipantAddedInARolledBackHostTransactionSeesNothingAfterwardsThoughTheHostReadAsThem() {
        ConversationId account = newAccount();
        inHostTransaction(false, () -> {
            messaging.conversations().addParticipant(OWNER, account, "agent", Access.WRITE);
            // A read inside the host's transaction sees (and may cache) what it has not committed.
            return messaging.conversations().get(AGENT, account);
        }, newOrderId());
        assertThatThrownBy(() -> messaging.conversations().get(AGENT, account)).isInstanceOf(NotFoundException.class);
        assertThat(messaging.conversations().inbox(AGENT, InboxQuery.first(50)).items())
                .noneMatch(s -> s.conversation().id().equals(account));

        inHostTransaction(true, () -> messaging.conversations().addParticipant(OWNER, account, "agent", Access.WRITE),
                newOrderId());
        assertThat(messaging.conversations().get(AGENT, account).id()).isEqualTo(account);
        inHostTransaction(true, () -> {
            messaging.conversations().removeParticipant(OWNER, account, "agent");
            return messaging.conversations().participants(OWNER, account);
        }, newOrderId());
        assertThatThrownBy(() -> messaging.conversations().get(AGENT, account)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSubscriberGetsNothingOfARolledBackHostTransactionAndEverythingOfACommittedOne() {
        ConversationId account = newAccount();
        List<String> received = new CopyOnWriteArrayList<>();
        try (Subscription subscription = messaging.events().subscribe(OWNER, null, event -> {
            if (event instanceof MessagePosted posted && posted.conversationId().equals(account)) {
                received.add(posted.message().text());
            }
        })) {
            inHostTransaction(false, () -> messaging.messages().post(OWNER, account, NewMessage.text("rolled back")),
                    newOrderId());
            inHostTransaction(true, () -> messaging.messages().post(OWNER, account, NewMessage.text("committed")),
                    newOrderId());
            messaging.messages().post(OWNER, account, NewMessage.text("after"));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
            assertThat(received).containsExactly("committed", "after");
        }
    }

    private ConversationId newAccount() {
        return messaging.directory().createClientAccount("acct-" + UUID.randomUUID(), "Client",
                AccountKind.INDIVIDUAL).id();
    }

    private static String newOrderId() {
        return "order-" + UUID.randomUUID();
    }

    private Attachment upload(String name) {
        return messaging.attachments().upload(OWNER, name, "text/plain",
                new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)));
    }

    private String read(Attachment attachment) throws IOException {
        try (AttachmentContent content = messaging.attachments().open(OWNER, attachment.id())) {
            return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private <T> T inHostTransaction(boolean commit, java.util.function.Supplier<T> messagingWork, String orderId) {
        EntityManager em = emf.createEntityManager();
        HOST.set(em);
        hostThread = Thread.currentThread();
        try {
            em.getTransaction().begin();
            em.persist(new HostOrder(orderId, "placed"));
            T result = messagingWork.get();
            if (commit) {
                em.getTransaction().commit();
            } else {
                em.getTransaction().rollback();
            }
            return result;
        } finally {
            hostThread = null;
            HOST.remove();
            em.close();
        }
    }

    /** Records which announcement other threads look up while a host transaction is open. */
    private final class AnnouncementLookups extends ForwardingMessagingStore {

        AnnouncementLookups(MessagingStore delegate) {
            super(delegate);
        }

        @Override
        public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tenantId, tx -> work.apply(watched(tx)));
        }

        @Override
        public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
            return delegate.read(tenantId, tx -> work.apply(watched(tx)));
        }

        private StoreTransaction watched(StoreTransaction tx) {
            return WatchedTransaction.watch(tx, (call, args) -> {
                Thread host = hostThread;
                if ((call.equals("announcements.find") || call.equals("announcements.lock")) && host != null
                        && host != Thread.currentThread()) {
                    lookupsWhileHostOpen.add(Thread.currentThread().getName() + " " + args[0]);
                }
            });
        }
    }

    private boolean orderExists(String id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(HostOrder.class, id) != null;
        } finally {
            em.close();
        }
    }

    private List<String> texts() {
        return Nodes.history(messaging, OWNER, conversation).stream().map(Message::text).toList();
    }
}
