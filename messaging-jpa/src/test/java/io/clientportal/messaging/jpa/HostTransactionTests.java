package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.DuplicateKeyException;
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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A host's persistence unit includes the store's entities and its own; with {@link JpaTransactionRunner#joiningHost}
 * a host that saves its own entity and posts a message in one transaction gets both or neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostTransactionTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final ThreadLocal<EntityManager> HOST = new ThreadLocal<>();

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private EntityManagerFactory emf;
    private Messaging messaging;
    private JpaMessagingStore store;
    private ConversationId conversation;

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
        messaging = Messaging.builder().store(store).build();
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
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
                long seq = tx.nextSeq(conversation, first.createdAt());
                tx.insertMessage(new Message(new MessageId(UUID.randomUUID()), conversation, seq, OWNER, "Owner",
                        "duplicate", List.of(), false, null, "dup", first.createdAt(), null, false));
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

    private <T> T inHostTransaction(boolean commit, java.util.function.Supplier<T> messagingWork, String orderId) {
        EntityManager em = emf.createEntityManager();
        HOST.set(em);
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
            HOST.remove();
            em.close();
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
