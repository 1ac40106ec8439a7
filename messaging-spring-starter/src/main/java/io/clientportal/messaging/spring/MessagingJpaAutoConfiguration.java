package io.clientportal.messaging.spring;

import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spring.jpa.MessagingEntitiesPostProcessor;
import io.clientportal.messaging.spring.jpa.MessagingSchemaInitializer;
import io.clientportal.messaging.spring.jpa.MessagingTablesSchemaFilterProvider;
import io.clientportal.messaging.spring.jpa.SpringJpaTransactionRunner;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The JPA store, when the application has a DataSource and a JPA persistence unit: the store's entities join the
 * application's persistence unit (no {@code @EntityScan} needed), its units of work run in the application's
 * transactions ({@link SpringJpaTransactionRunner}), and the messaging schema scripts are applied at startup as
 * {@code messaging.schema.initialize} says, after the application's own migrations. Hibernate's DDL generation never
 * touches the messaging tables. Off with {@code messaging.store=memory}; when it can't provide the store although the
 * JPA store is wanted, startup fails ({@link MessagingStoreUnavailableException}).
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnClass({JpaMessagingStore.class, EntityManagerFactory.class, LocalContainerEntityManagerFactoryBean.class,
        HibernatePropertiesCustomizer.class})
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "messaging.store", havingValue = "jpa", matchIfMissing = true)
@ConditionalOnBean({DataSource.class, EntityManagerFactory.class})
@ConditionalOnMissingBean(MessagingStore.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingJpaAutoConfiguration {

    @Bean
    static MessagingEntitiesPostProcessor messagingEntitiesPostProcessor() {
        return new MessagingEntitiesPostProcessor();
    }

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor messagingSchemaBeforeEntityManagerFactory() {
        return new EntityManagerFactoryDependsOnPostProcessor(MessagingSchemaInitializer.BEAN_NAME);
    }

    @Bean
    HibernatePropertiesCustomizer messagingSchemaFilter() {
        return properties -> properties.putIfAbsent(AvailableSettings.HBM2DDL_FILTER_PROVIDER,
                new MessagingTablesSchemaFilterProvider());
    }

    @Bean(MessagingSchemaInitializer.BEAN_NAME)
    @DependsOnDatabaseInitialization
    @ConditionalOnSingleCandidate(DataSource.class)
    MessagingSchemaInitializer messagingSchemaInitializer(DataSource dataSource, MessagingProperties properties) {
        return new MessagingSchemaInitializer(dataSource, properties.getSchema().getInitialize());
    }

    @Bean
    @ConditionalOnSingleCandidate(EntityManagerFactory.class)
    @ConditionalOnBean(PlatformTransactionManager.class)
    MessagingStore messagingStore(EntityManagerFactory entityManagerFactory,
                                  PlatformTransactionManager transactionManager) {
        return JpaMessagingStore.builder(entityManagerFactory)
                .transactionRunner(new SpringJpaTransactionRunner(entityManagerFactory, transactionManager))
                .build();
    }
}
