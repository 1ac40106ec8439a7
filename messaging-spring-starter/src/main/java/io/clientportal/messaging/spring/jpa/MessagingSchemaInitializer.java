package io.clientportal.messaging.spring.jpa;

import io.clientportal.messaging.jpa.MessagingSchema;
import io.clientportal.messaging.spring.MessagingProperties.SchemaInitialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;

import javax.sql.DataSource;

/**
 * Applies the messaging schema scripts at startup, as {@code messaging.schema.initialize} says: always, only for
 * embedded databases (the default), or never. Runs after the application's own migrations and before the
 * persistence unit starts.
 */
public final class MessagingSchemaInitializer implements InitializingBean {

    /** The bean name the persistence unit is made to depend on. */
    public static final String BEAN_NAME = "messagingSchemaInitializer";

    private static final Logger log = LoggerFactory.getLogger(MessagingSchemaInitializer.class);

    private final DataSource dataSource;
    private final SchemaInitialization mode;

    public MessagingSchemaInitializer(DataSource dataSource, SchemaInitialization mode) {
        this.dataSource = dataSource;
        this.mode = mode;
    }

    @Override
    public void afterPropertiesSet() {
        boolean apply = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case EMBEDDED -> EmbeddedDatabaseConnection.isEmbedded(dataSource);
        };
        if (apply) {
            MessagingSchema.migrate(dataSource);
        } else {
            log.info("Messaging schema not applied (messaging.schema.initialize={}); apply it with "
                    + "MessagingSchema.migrate or the shipped scripts", mode.name().toLowerCase());
        }
    }
}
