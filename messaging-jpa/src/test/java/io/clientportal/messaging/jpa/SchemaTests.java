package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.SearchQuery;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The shipped scripts are the schema: applied in order with the store's own history table, validated by
 * Hibernate against the mappings of every table, named with the messaging_ prefix, and harmless to a host's own
 * tables and migrations in the same schema.
 */
abstract class SchemaTests {

    /**
     * Mappings (test classes) of the tables the store reaches with native SQL only. They are not in the store's
     * persistence unit, so a host's unit does not carry them; here they keep the scripts and the SQL's columns in
     * step.
     */
    static final List<Class<?>> NATIVE_SQL_TABLES = List.of(ConversationEntity.class, ParticipantEntity.class,
            MessageEntity.class, ReadHorizonEntity.class, AnnouncementTargetEntity.class, AttachmentEntity.class,
            EventEntity.class, WebhookDeliveryEntity.class, TenantCountEntity.class, ReaderTotalEntity.class,
            NotificationEntity.class,
            SavedReplyEntity.class,
            MentionEntity.class,
            ReminderEntity.class);

    static List<Class<?>> everyTable() {
        return Stream.concat(MessagingPersistenceUnit.ENTITIES.stream(), NATIVE_SQL_TABLES.stream()).toList();
    }

    abstract TestDatabases.TestDatabase newDatabase();

    @Test
    void theScriptsMatchTheMappingsAndApplyOnce() throws SQLException {
        try (TestDatabases.TestDatabase database = newDatabase()) {
            DataSource dataSource = database.dataSource();
            MessagingSchema.migrate(dataSource);
            MessagingSchema.migrate(dataSource);

            EntityManagerFactory validated = MessagingPersistenceUnit.create(dataSource, everyTable(),
                    Map.of(AvailableSettings.HBM2DDL_AUTO, "validate"));
            validated.close();
            assertThat(strings(dataSource, "SELECT \"version\" FROM \"messaging_schema_history\""
                    + " WHERE \"success\" = TRUE AND \"version\" <> '0' ORDER BY \"installed_rank\""))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                            "14", "15");
        }
    }

    @Test
    void everyTableOfTheScriptsIsMappedSoItIsValidated() throws SQLException {
        try (TestDatabases.TestDatabase database = newDatabase()) {
            DataSource dataSource = database.dataSource();
            MessagingSchema.migrate(dataSource);
            String schema = database.isPostgres() ? "current_schema()" : "'PUBLIC'";

            List<String> tables = lower(strings(dataSource, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = " + schema));
            assertThat(tables).filteredOn(t -> !t.equals(MessagingSchema.HISTORY_TABLE))
                    .containsExactlyInAnyOrderElementsOf(everyTable().stream()
                            .map(mapping -> mapping.getAnnotation(Table.class).name()).toList());
        }
    }

    @Test
    void everyTableAndConstraintIsPrefixedAndTheHostsOwnMigrationsAreUntouched() throws SQLException {
        try (TestDatabases.TestDatabase database = newDatabase()) {
            DataSource dataSource = database.dataSource();
            // The host got there first: its own table and its own Flyway history in the same schema.
            execute(dataSource, "CREATE TABLE host_customer (id VARCHAR(64) PRIMARY KEY)",
                    "INSERT INTO host_customer (id) VALUES ('c1')",
                    "CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50))",
                    "INSERT INTO flyway_schema_history VALUES (1, '7')");

            MessagingSchema.migrate(dataSource);

            assertThat(strings(dataSource, "SELECT id FROM host_customer")).containsExactly("c1");
            assertThat(strings(dataSource, "SELECT version FROM flyway_schema_history")).containsExactly("7");
            String schema = database.isPostgres() ? "current_schema()" : "'PUBLIC'";
            List<String> tables = lower(strings(dataSource, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = " + schema));
            assertThat(tables).filteredOn(t -> !t.startsWith("host_") && !t.equals("flyway_schema_history"))
                    .isNotEmpty().allMatch(t -> t.startsWith("messaging_"));
            assertThat(tables).contains("messaging_schema_history", "messaging_message", "messaging_event");
            List<String> constraints = lower(strings(dataSource, "SELECT constraint_name FROM"
                    + " information_schema.table_constraints WHERE table_schema = " + schema
                    + " AND table_name LIKE '" + (database.isPostgres() ? "messaging" : "MESSAGING") + "%'"
                    + " AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')"));
            assertThat(constraints).isNotEmpty().allMatch(c -> c.startsWith("messaging_"));
            if (database.isPostgres()) {
                assertThat(strings(dataSource, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                        + " AND tablename LIKE 'messaging%'")).isNotEmpty().allMatch(i -> i.startsWith("messaging_"));
            }
        }
    }

    /**
     * Version 6 counts what a database at version 5 holds (and version 8 gives it the clients' view it had):
     * countable messages, what each horizon has read (its reader's own messages after it included), the tenant's
     * and the team members' sums. The unread totals the
     * library then reads from them are what counting at read time gave, and they stay exact as new writes come.
     */
    @Test
    void version6CountsWhatExistedBefore() throws SQLException {
        try (TestDatabases.TestDatabase database = newDatabase()) {
            DataSource dataSource = database.dataSource();
            Flyway.configure(MessagingSchema.class.getClassLoader()).dataSource(dataSource)
                    .table(MessagingSchema.HISTORY_TABLE).locations(Platform.of(dataSource).scriptLocation())
                    .baselineOnMigrate(true).baselineVersion("0").target("5").load().migrate();
            String c = "'00000000-0000-7000-8000-000000000001'";
            String message = "INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind,"
                    + " author_id, author_name, text, highlighted, created_at, deleted_at) VALUES ('default', " + c;
            String at = "'2026-01-01 00:00:00+00'";
            execute(dataSource, "INSERT INTO messaging_team_member VALUES ('default', 'owner', 'Olivia', 'OWNER'),"
                            + " ('default', 'agent', 'Aiden', 'AGENT')",
                    "INSERT INTO messaging_client_account VALUES ('default', 'acc', 'Acme', 'ORGANISATION')",
                    "INSERT INTO messaging_client_user VALUES ('default', 'u', 'acc', 'Una')",
                    "INSERT INTO messaging_conversation VALUES ('default', " + c + ", 'acc', 'Acme', 4, " + at + ", "
                            + at + ", " + at + ")",
                    "INSERT INTO messaging_participant VALUES ('default', " + c + ", 'agent', 'WRITE')",
                    message + ", 1, '00000000-0000-7001-8000-000000000001', 'CLIENT_USER', 'u', 'Una', 'one',"
                            + " FALSE, " + at + ", NULL)",
                    message + ", 2, '00000000-0000-7001-8000-000000000002', 'CLIENT_USER', 'u', 'Una', '', FALSE, "
                            + at + ", " + at + ")",
                    // The owner's, after their (missing) horizon, as an announcement's copy is.
                    message + ", 3, '00000000-0000-7001-8000-000000000003', 'TEAM_MEMBER', 'owner', 'Olivia',"
                            + " 'news', FALSE, " + at + ", NULL)",
                    message + ", 4, '00000000-0000-7001-8000-000000000004', 'CLIENT_USER', 'u', 'Una', 'four',"
                            + " FALSE, " + at + ", NULL)",
                    "INSERT INTO messaging_read_horizon VALUES ('default', " + c + ", 'TEAM_MEMBER', 'agent', 1),"
                            + " ('default', " + c + ", 'CLIENT_USER', 'u', 1)");

            MessagingSchema.migrate(dataSource);

            try (JpaMessagingStore store = JpaMessagingStore.create(dataSource);
                 Messaging messaging = Messaging.builder().store(store).build()) {
                Actor owner = Actor.teamMember("owner");
                Actor agent = Actor.teamMember("agent");
                assertThat(messaging.messages().unreadTotal(owner)).isEqualTo(2);
                assertThat(messaging.messages().unreadTotal(agent)).isEqualTo(2);
                assertThat(messaging.messages().unreadTotal(Actor.clientUser("u"))).isEqualTo(1);
                ConversationId id = new ConversationId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
                messaging.messages().post(agent, id, NewMessage.text("reply"));
                assertThat(messaging.messages().unreadTotal(owner)).isEqualTo(3);
                assertThat(messaging.messages().unreadTotal(agent)).isZero();
                messaging.messages().markRead(owner, id, 5);
                assertThat(messaging.messages().unreadTotal(owner)).isZero();
                // Version 8 gave what existed the clients' view it had (no notes then): client seqs are the seqs.
                Actor client = Actor.clientUser("u");
                assertThat(messaging.messages().history(client, id, HistoryQuery.latest(10)).items())
                        .extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
                messaging.messages().post(agent, id, NewMessage.note("internal"));
                assertThat(messaging.conversations().get(client, id).lastSeq()).isEqualTo(5);
                assertThat(messaging.messages().unreadTotal(client)).isEqualTo(2);
                assertThat(messaging.messages().unreadTotal(owner)).isEqualTo(1);
            }
        }
    }

    /**
     * Version 15 gives the participant rows of a database at version 14 their conversation's activity and each team
     * member the participant total of what they have unread there (a horizon of theirs that reaches part of it, a
     * reader total's slot that exists already, a member without one); the agent's views then read them, in
     * activity order, and stay exact as new writes come.
     */
    @Test
    void version15CopiesActivityAndCountsParticipantTotalsOfWhatExistedBefore() throws SQLException {
        try (TestDatabases.TestDatabase database = newDatabase()) {
            DataSource dataSource = database.dataSource();
            Flyway.configure(MessagingSchema.class.getClassLoader()).dataSource(dataSource)
                    .table(MessagingSchema.HISTORY_TABLE).locations(Platform.of(dataSource).scriptLocation())
                    .baselineOnMigrate(true).baselineVersion("0").target("14").load().migrate();
            String c1 = "'00000000-0000-7000-8000-000000000001'";
            String c2 = "'00000000-0000-7000-8000-000000000002'";
            String conversation = "INSERT INTO messaging_conversation (tenant_id, id, client_account_id, client_name,"
                    + " last_seq, created_at, last_message_at, activity_at, countable, last_client_seq,"
                    + " client_countable) VALUES ('default', ";
            String message = "INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind,"
                    + " author_id, author_name, text, highlighted, created_at, client_seq) VALUES ('default', ";
            String early = "'2026-01-01 00:00:00+00'";
            String late = "'2026-01-02 00:00:00+00'";
            execute(dataSource, "INSERT INTO messaging_team_member VALUES ('default', 'owner', 'Olivia', 'OWNER'),"
                            + " ('default', 'agent', 'Aiden', 'AGENT'), ('default', 'watcher', 'Walt', 'WATCHER')",
                    "INSERT INTO messaging_client_account VALUES ('default', 'a1', 'Acme', 'ORGANISATION'),"
                            + " ('default', 'a2', 'Beta', 'ORGANISATION')",
                    "INSERT INTO messaging_client_user VALUES ('default', 'u1', 'a1', 'Una'),"
                            + " ('default', 'u2', 'a2', 'Ute')",
                    conversation + c1 + ", 'a1', 'Acme', 3, " + early + ", " + early + ", " + early + ", 3, 3, 3)",
                    conversation + c2 + ", 'a2', 'Beta', 2, " + early + ", " + late + ", " + late + ", 2, 2, 2)",
                    message + c1 + ", 1, '00000000-0000-7001-8000-000000000001', 'CLIENT_USER', 'u1', 'Una', 'one',"
                            + " FALSE, " + early + ", 1)",
                    message + c1 + ", 2, '00000000-0000-7001-8000-000000000002', 'CLIENT_USER', 'u1', 'Una', 'two',"
                            + " FALSE, " + early + ", 2)",
                    message + c1 + ", 3, '00000000-0000-7001-8000-000000000003', 'CLIENT_USER', 'u1', 'Una',"
                            + " 'three', FALSE, " + early + ", 3)",
                    message + c2 + ", 1, '00000000-0000-7001-8000-000000000004', 'CLIENT_USER', 'u2', 'Ute', 'four',"
                            + " FALSE, " + late + ", 1)",
                    message + c2 + ", 2, '00000000-0000-7001-8000-000000000005', 'CLIENT_USER', 'u2', 'Ute', 'five',"
                            + " FALSE, " + late + ", 2)",
                    "INSERT INTO messaging_participant VALUES ('default', " + c1 + ", 'agent', 'WRITE'),"
                            + " ('default', " + c2 + ", 'agent', 'WRITE'),"
                            + " ('default', " + c2 + ", 'watcher', 'READ_ONLY')",
                    "INSERT INTO messaging_read_horizon VALUES ('default', " + c1 + ", 'TEAM_MEMBER', 'agent', 1, 1)",
                    "INSERT INTO messaging_reader_total VALUES ('default', 'TEAM_MEMBER', 'agent', 0, 1),"
                            + " ('default', 'TEAM_MEMBER', 'agent', 7, 0)");

            MessagingSchema.migrate(dataSource);

            try (JpaMessagingStore store = JpaMessagingStore.create(dataSource);
                 Messaging messaging = Messaging.builder().store(store).build()) {
                Actor agent = Actor.teamMember("agent");
                Actor watcher = Actor.teamMember("watcher");
                ConversationId first = new ConversationId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
                ConversationId second = new ConversationId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
                assertThat(messaging.messages().unreadTotal(agent)).isEqualTo(4);
                assertThat(messaging.messages().unreadTotal(watcher)).isEqualTo(2);
                assertThat(messaging.conversations().inbox(agent, InboxQuery.first(10)).items())
                        .extracting(s -> s.conversation().id(), ConversationSummary::unreadCount)
                        .containsExactly(tuple(second, 2L), tuple(first, 2L));
                messaging.messages().post(Actor.clientUser("u1"), first, NewMessage.text("again"));
                assertThat(messaging.conversations().inbox(agent, InboxQuery.first(10)).items())
                        .extracting(s -> s.conversation().id()).containsExactly(first, second);
                assertThat(messaging.messages().unreadTotal(agent)).isEqualTo(5);
                messaging.messages().markRead(agent, first, 9);
                assertThat(messaging.messages().unreadTotal(agent)).isEqualTo(2);
                messaging.messages().post(agent, second, NewMessage.note("seen"));
                assertThat(messaging.messages().unreadTotal(agent)).isZero();
                assertThat(messaging.messages().unreadTotal(watcher)).isEqualTo(3);
            }
        }
    }

    /**
     * Version 11 indexes the words of the messages a database at version 7 holds, so they are found at once, and a
     * deleted message's (empty) text gives none.
     */
    @Test
    void version11MakesWhatExistedBeforeSearchable() throws SQLException {
        try (TestDatabases.TestDatabase database = newDatabase()) {
            DataSource dataSource = database.dataSource();
            Flyway.configure(MessagingSchema.class.getClassLoader()).dataSource(dataSource)
                    .table(MessagingSchema.HISTORY_TABLE).locations(Platform.of(dataSource).scriptLocation())
                    .baselineOnMigrate(true).baselineVersion("0").target("7").load().migrate();
            String c = "'00000000-0000-7000-8000-000000000001'";
            String message = "INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind,"
                    + " author_id, author_name, text, highlighted, created_at, deleted_at) VALUES ('default', " + c;
            String at = "'2026-01-01 00:00:00+00'";
            String longWord = "x".repeat(100);
            execute(dataSource, "INSERT INTO messaging_team_member VALUES ('default', 'owner', 'Olivia', 'OWNER')",
                    "INSERT INTO messaging_client_account VALUES ('default', 'acc', 'Acme', 'ORGANISATION')",
                    "INSERT INTO messaging_client_user VALUES ('default', 'u', 'acc', 'Una')",
                    "INSERT INTO messaging_conversation (tenant_id, id, client_account_id, client_name, last_seq,"
                            + " created_at, last_message_at, activity_at) VALUES ('default', " + c + ", 'acc',"
                            + " 'Acme', 2, " + at + ", " + at + ", " + at + ")",
                    message + ", 1, '00000000-0000-7001-8000-000000000001', 'CLIENT_USER', 'u', 'Una',"
                            + " 'Quarterly REPORT: see https://example.com/tax_2026 " + longWord + "', FALSE, "
                            + at + ", NULL)",
                    message + ", 2, '00000000-0000-7001-8000-000000000002', 'CLIENT_USER', 'u', 'Una', '', FALSE, "
                            + at + ", " + at + ")");

            MessagingSchema.migrate(dataSource);

            try (JpaMessagingStore store = JpaMessagingStore.create(dataSource);
                 Messaging messaging = Messaging.builder().store(store).build()) {
                Actor owner = Actor.teamMember("owner");
                for (String found : List.of("report", "quarter exam", "TAX 2026", longWord)) {
                    assertThat(messaging.search().messages(owner, SearchQuery.of(found, 10)).items())
                            .as(found).extracting(hit -> hit.message().seq()).containsExactly(1L);
                }
                assertThat(messaging.search().messages(owner, SearchQuery.of("port", 10)).items()).isEmpty();
            }
        }
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
