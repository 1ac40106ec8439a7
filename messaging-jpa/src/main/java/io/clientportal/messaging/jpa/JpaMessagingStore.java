package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.AnnouncementBacklog;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.WebhookBacklog;
import io.clientportal.messaging.spi.WebhookDeliveryRecord;
import io.clientportal.messaging.spi.WebhookDeliveryStore;
import io.clientportal.messaging.model.AnnouncementId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The {@link MessagingStore} on Jakarta Persistence (Hibernate), for H2 and PostgreSQL. Directory rows are JPA
 * entities; the hot paths (posting, history, inbox, unread counts, announcement chunks, the event log) are
 * set-based or batched native SQL on the entity manager's connection, in its transaction. Concurrency comes from
 * the database (row locks and unique keys), so any number of application nodes can share one database.
 *
 * <pre>{@code
 * MessagingStore store = JpaMessagingStore.create(dataSource);        // own persistence unit, applies the schema
 * Messaging messaging = Messaging.builder().store(store).build();
 * }</pre>
 */
public final class JpaMessagingStore implements MessagingStore {

    private final EntityManagerFactory emf;
    private final boolean ownsEntityManagerFactory;
    private final JpaTransactionRunner runner;
    /**
     * Reads that the runner lets run on the unit's own connections ({@link JpaTransactionRunner#readsOwnUnitNow}):
     * on a bare connection in autocommit, falling back to {@code runner}'s own read where a read needs a transaction.
     */
    private final ResourceLocalTransactionRunner ownReads;
    private final Platform platform;
    private final PostgresCommitSignals.Connections connections;
    private final PostgresCommitSignals signals;
    private final WebhookDeliveryStore webhookDeliveries = new JpaWebhookDeliveries();

    private JpaMessagingStore(EntityManagerFactory emf, boolean ownsEntityManagerFactory, JpaTransactionRunner runner) {
        this.emf = emf;
        this.ownsEntityManagerFactory = ownsEntityManagerFactory;
        this.runner = runner;
        this.ownReads = new ResourceLocalTransactionRunner(emf);
        this.platform = detectPlatform(emf);
        this.connections = connections(emf);
        this.signals = platform == Platform.POSTGRESQL ? new PostgresCommitSignals(connections, currentSchema())
                : null;
    }

    /** Raw connections of the persistence unit's connection provider: LISTEN/NOTIFY, the relay's log reads. */
    private static PostgresCommitSignals.Connections connections(EntityManagerFactory emf) {
        org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider =
                emf.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getServiceRegistry()
                        .requireService(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider.class);
        return new PostgresCommitSignals.Connections() {
            @Override
            public java.sql.Connection get() throws java.sql.SQLException {
                return provider.getConnection();
            }

            @Override
            public void release(java.sql.Connection connection) throws java.sql.SQLException {
                provider.closeConnection(connection);
            }
        };
    }

    private String currentSchema() {
        return readJdbc(jdbc -> jdbc.queryOne("SELECT current_schema()", row -> row.getString(1)).orElse("public"));
    }

    /**
     * A store with its own persistence unit over {@code dataSource}: applies the schema scripts
     * ({@link MessagingSchema#migrate}) and builds the entity manager factory, which {@link #close()} closes.
     * Pass a pooled data source in production.
     *
     * @param dataSource an H2 or PostgreSQL database, never {@code null}
     */
    public static JpaMessagingStore create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        MessagingSchema.migrate(dataSource);
        EntityManagerFactory emf = MessagingPersistenceUnit.create(dataSource, Map.of());
        return new JpaMessagingStore(emf, true, JpaTransactionRunner.resourceLocal(emf));
    }

    /**
     * A store on a host-managed persistence unit that includes the store's {@linkplain #entityClasses() entities}
     * and whose database already has the schema ({@link MessagingSchema#migrate}). Each unit of work opens its own
     * transaction; see {@link #builder} to join the host's transactions instead. The host closes {@code emf}.
     */
    public static JpaMessagingStore create(EntityManagerFactory emf) {
        return builder(emf).build();
    }

    /** A builder for a store on a host-managed persistence unit. */
    public static Builder builder(EntityManagerFactory emf) {
        return new Builder(Objects.requireNonNull(emf, "emf must not be null"));
    }

    /** The store's entity classes, for a host's own persistence unit. */
    public static List<Class<?>> entityClasses() {
        return MessagingPersistenceUnit.ENTITIES;
    }

    /** Configures a store on a host-managed persistence unit. */
    public static final class Builder {

        private final EntityManagerFactory emf;
        private JpaTransactionRunner transactionRunner;

        private Builder(EntityManagerFactory emf) {
            this.emf = emf;
        }

        /** How units of work get their transaction; by default {@link JpaTransactionRunner#resourceLocal}. */
        public Builder transactionRunner(JpaTransactionRunner transactionRunner) {
            this.transactionRunner = Objects.requireNonNull(transactionRunner, "transactionRunner must not be null");
            return this;
        }

        /** The store. */
        public JpaMessagingStore build() {
            return new JpaMessagingStore(emf, false,
                    transactionRunner != null ? transactionRunner : JpaTransactionRunner.resourceLocal(emf));
        }
    }

    private static Platform detectPlatform(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.unwrap(Session.class).doReturningWork(Platform::of);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(work, "work must not be null");
        try {
            return runner.inTransaction(em -> work.apply(new JpaTransaction(tenantId, em, platform)));
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e);
        }
    }

    @Override
    public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(work, "work must not be null");
        try {
            return readUnit((connection, em) -> work.apply(new JpaTransaction(tenantId, Jdbc.on(connection, platform),
                    em)), em -> work.apply(new JpaTransaction(tenantId, em, platform)));
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e);
        }
    }

    /**
     * The relay's reads of the log, each one statement: in autocommit on a connection of the unit's provider, so
     * one round trip each and no session (a transaction around one read only added a COMMIT).
     */
    private <T> T readLog(Function<EventLog, T> work) {
        try {
            Connection connection = connections.get();
            try {
                return work.apply(new EventLog(Jdbc.autocommit(connection, platform)));
            } finally {
                connections.release(connection);
            }
        } catch (SQLException | RuntimeException e) {
            throw StoreErrors.translate(e);
        }
    }

    private <T> T readJdbc(Function<Jdbc, T> work) {
        try {
            return readUnit((connection, em) -> work.apply(Jdbc.on(connection, platform)),
                    em -> work.apply(new Jdbc(em, platform)));
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e);
        }
    }

    /**
     * A read unit: on a bare connection when the runner lets it read on its own ({@code bare}, see
     * {@link JpaTransactionRunner#readsOwnUnitNow}), else, or where the read needs a transaction, through the
     * runner's read ({@code inSession}).
     */
    private <T> T readUnit(ResourceLocalTransactionRunner.BareRead<T> bare, Function<EntityManager, T> inSession) {
        if (runner.readsOwnUnitNow()) {
            return ownReads.readOnBareConnection(connections, bare, () -> runner.readOnly(inSession));
        }
        return runner.readOnly(inSession);
    }

    private <T> T writeJdbc(Function<Jdbc, T> work) {
        try {
            return runner.inTransaction(em -> work.apply(new Jdbc(em, platform)));
        } catch (RuntimeException e) {
            throw StoreErrors.translate(e);
        }
    }

    @Override
    public List<EventRecord> eventsAfter(long afterPosition, int limit) {
        return readLog(log -> log.after(afterPosition, limit));
    }

    @Override
    public List<EventRecord> eventsAt(Collection<Long> positions) {
        return positions.isEmpty() ? List.of() : readLog(log -> log.at(positions));
    }

    /** On PostgreSQL: a coalesced NOTIFY, after the caller's transaction commits (a joined host's too). */
    @Override
    public void signalEventsCommitted() {
        if (signals != null) {
            if (ENDING.get() != null) {
                signals.signal();
            } else {
                runner.afterCommit(signals::signal);
            }
        }
    }

    /** Set while a transaction's end is handled on this thread: it has ended, so what is asked then runs at once. */
    private static final ThreadLocal<Boolean> ENDING = new ThreadLocal<>();

    /** Through the runner: at the end of a host's transaction the units joined, else at once. */
    @Override
    public void afterTransaction(Runnable committed, Runnable rolledBack) {
        Objects.requireNonNull(committed, "committed must not be null");
        Objects.requireNonNull(rolledBack, "rolledBack must not be null");
        if (ENDING.get() != null) {
            committed.run();
            return;
        }
        // Registering with a transaction that is ending could be lost (Spring does not call what is registered
        // during its after-commit callbacks), hence the flag.
        runner.afterCompletion(() -> ending(committed), () -> ending(rolledBack));
    }

    private static void ending(Runnable action) {
        ENDING.set(Boolean.TRUE);
        try {
            action.run();
        } finally {
            ENDING.remove();
        }
    }

    /** On PostgreSQL: LISTEN on a connection of its own; elsewhere nothing (the relay polls). */
    @Override
    public AutoCloseable listenForCommittedEvents(Runnable listener) {
        Objects.requireNonNull(listener, "listener must not be null");
        return signals != null ? signals.listen(listener) : () -> {
        };
    }

    @Override
    public WebhookDeliveryStore webhookDeliveries() {
        return webhookDeliveries;
    }

    /** Webhook deliveries, each call in a transaction of its own. */
    private final class JpaWebhookDeliveries implements WebhookDeliveryStore {

        @Override
        public List<WebhookDeliveryRecord> claimDue(Instant now, Instant leaseUntil, int limit) {
            return writeJdbc(jdbc -> new WebhookDeliverySql(jdbc).claimDue(now, leaseUntil, limit));
        }

        @Override
        public void delivered(String id, int attempt) {
            writeJdbc(jdbc -> {
                new WebhookDeliverySql(jdbc).delivered(id, attempt);
                return null;
            });
        }

        @Override
        public void retryLater(String id, int attempt, Instant nextAttemptAt, String error) {
            writeJdbc(jdbc -> {
                new WebhookDeliverySql(jdbc).retryLater(id, attempt, nextAttemptAt, error);
                return null;
            });
        }

        @Override
        public void deadLetter(String id, int attempt, Instant at, String error) {
            writeJdbc(jdbc -> {
                new WebhookDeliverySql(jdbc).deadLetter(id, attempt, at, error);
                return null;
            });
        }

        @Override
        public List<WebhookDeliveryRecord> deadLetters(String afterId, int limit) {
            return readJdbc(jdbc -> new WebhookDeliverySql(jdbc).deadLetters(afterId, limit));
        }

        @Override
        public Optional<WebhookDeliveryRecord> delivery(String id) {
            return readJdbc(jdbc -> new WebhookDeliverySql(jdbc).find(id));
        }

        @Override
        public boolean replay(String id, Instant now) {
            return writeJdbc(jdbc -> new WebhookDeliverySql(jdbc).replay(id, now));
        }

        @Override
        public List<WebhookBacklog> backlog() {
            return readJdbc(jdbc -> new WebhookDeliverySql(jdbc).backlog());
        }
    }

    @Override
    public long lastEventPosition() {
        return readLog(EventLog::last);
    }

    @Override
    public long firstEventPosition() {
        return readLog(EventLog::first);
    }

    @Override
    public int pruneEvents(Instant before, int limit) {
        return writeJdbc(jdbc -> new EventLog(jdbc).prune(before, limit));
    }

    @Override
    public List<PendingAnnouncement> unfinishedAnnouncements(int limit) {
        return readJdbc(jdbc -> jdbc.query("SELECT tenant_id, id FROM messaging_announcement"
                        + " WHERE status IN ('QUEUED', 'SENDING') ORDER BY created_at LIMIT ?",
                row -> new PendingAnnouncement(row.getString("tenant_id"),
                        new AnnouncementId(row.getObject("id", UUID.class))), limit));
    }

    @Override
    public AnnouncementBacklog announcementBacklog() {
        return readJdbc(jdbc -> jdbc.query("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest"
                        + " FROM messaging_announcement WHERE status IN ('QUEUED', 'SENDING')",
                row -> new AnnouncementBacklog(row.getLong("pending"), Jdbc.instant(row, "oldest"))).get(0));
    }

    @Override
    public List<PendingAnnouncement> claimAnnouncements(String owner, Instant now, Instant leaseUntil, int limit) {
        return writeJdbc(jdbc -> AnnouncementSql.claim(jdbc, owner, now, leaseUntil, limit));
    }

    @Override
    public List<io.clientportal.messaging.spi.NotificationClaim> claimNotifications(String owner, Instant now,
                                                                                   Instant leaseUntil, int limit) {
        return writeJdbc(jdbc -> NotificationSql.claim(jdbc, owner, now, leaseUntil, limit));
    }

    @Override
    public List<io.clientportal.messaging.spi.ReminderClaim> claimReminders(String owner, Instant now,
                                                                           Instant leaseUntil, int limit) {
        return writeJdbc(jdbc -> ReminderSql.claim(jdbc, owner, now, leaseUntil, limit));
    }

    @Override
    public List<AttachmentRow> deleteUnreferencedAttachments(Instant uploadedBefore, int limit) {
        return writeJdbc(jdbc -> AttachmentSql.deleteUnreferenced(jdbc, uploadedBefore, limit));
    }

    /** Closes the entity manager factory if the store created it ({@link #create(DataSource)}). */
    @Override
    public void close() {
        if (signals != null) {
            signals.close();
        }
        if (ownsEntityManagerFactory && emf.isOpen()) {
            emf.close();
        }
    }
}
