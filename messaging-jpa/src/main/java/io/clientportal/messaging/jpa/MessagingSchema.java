package io.clientportal.messaging.jpa;

import io.clientportal.messaging.MessagingStoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * The store's schema: versioned SQL scripts per platform, shipped in this jar and applied in order with Flyway.
 * The store keeps its own history table ({@value #HISTORY_TABLE}) and touches only its own {@code messaging_*}
 * tables, so it lives beside a host's schema and the host's own migrations without interfering.
 */
public final class MessagingSchema {

    /** The table in which the store records which of its scripts ran. */
    public static final String HISTORY_TABLE = "messaging_schema_history";

    private static final Logger log = LoggerFactory.getLogger(MessagingSchema.class);

    private MessagingSchema() {
    }

    /**
     * Applies the scripts not applied yet, in version order, in the data source's default schema. Idempotent;
     * safe to call from every node at start-up (Flyway serialises concurrent callers).
     *
     * @param dataSource an H2 or PostgreSQL database, never {@code null}
     * @throws MessagingStoreException if the database is not supported or a script fails
     */
    public static void migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        Platform platform = Platform.of(dataSource);
        try {
            MigrateResult result = Flyway.configure(MessagingSchema.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations(platform.scriptLocation())
                    // The host's tables may share the schema: start our own history beside them.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .createSchemas(false)
                    .cleanDisabled(true)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            log.info("Messaging schema on {} is at version {} ({} scripts applied now)", platform,
                    result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new MessagingStoreException("could not apply the messaging schema", e);
        }
    }
}
