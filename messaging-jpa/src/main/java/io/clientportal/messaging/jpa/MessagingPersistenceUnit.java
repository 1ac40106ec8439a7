package io.clientportal.messaging.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The store's own persistence unit (Hibernate, no persistence.xml) over a data source. */
final class MessagingPersistenceUnit {

    static final String NAME = "io.clientportal.messaging";

    /** Every entity of the store, for hosts that build their own persistence unit. */
    static final List<Class<?>> ENTITIES = List.of(TeamMemberEntity.class, ClientAccountEntity.class,
            ClientUserEntity.class, ConversationEntity.class, ParticipantEntity.class, MessageEntity.class,
            ReadHorizonEntity.class, AnnouncementEntity.class, AnnouncementTargetEntity.class, AttachmentEntity.class,
            EventEntity.class, WebhookDeliveryEntity.class);

    private MessagingPersistenceUnit() {
    }

    /**
     * @param overrides extra settings; tests pass {@code hibernate.hbm2ddl.auto=validate}. Outside tests the
     *                  schema comes from the shipped scripts only and Hibernate never generates DDL.
     */
    static EntityManagerFactory create(DataSource dataSource, Map<String, Object> overrides) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration(NAME)
                .managedClasses(ENTITIES)
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true);
        overrides.forEach(configuration::property);
        return configuration.createEntityManagerFactory();
    }
}
