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

    /**
     * The entities the store reads and writes through an entity manager: the directory and announcements, for
     * hosts that build their own persistence unit too. Every other table is written and read with native SQL only,
     * so it has no entity here and a host's unit carries no mapping the store never uses; the schema tests map
     * those tables to validate the shipped scripts against them.
     */
    static final List<Class<?>> ENTITIES = List.of(TeamMemberEntity.class, ClientAccountEntity.class,
            ClientUserEntity.class, AnnouncementEntity.class);

    private MessagingPersistenceUnit() {
    }

    /**
     * @param overrides extra settings. Outside tests the schema comes from the shipped scripts only and Hibernate
     *                  never generates DDL.
     */
    static EntityManagerFactory create(DataSource dataSource, Map<String, Object> overrides) {
        return create(dataSource, ENTITIES, overrides);
    }

    /**
     * @param entities  {@link #ENTITIES}; the schema tests add their mappings of the native-SQL tables
     * @param overrides extra settings; the schema tests pass {@code hibernate.hbm2ddl.auto=validate}
     */
    static EntityManagerFactory create(DataSource dataSource, List<Class<?>> entities, Map<String, Object> overrides) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration(NAME)
                .managedClasses(entities)
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
