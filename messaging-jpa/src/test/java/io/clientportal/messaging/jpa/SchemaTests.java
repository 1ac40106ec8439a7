package io.clientportal.messaging.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
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
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

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
            EventEntity.class, WebhookDeliveryEntity.class, TenantCountEntity.class, ReaderTotalEntity.class);

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
                    .containsExactly("1", "2", "3", "4", "5", "6");
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
