package io.clientportal.messaging.spring;

import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spring.MessagingProperties.StoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import javax.sql.DataSource;
import java.util.Arrays;

/**
 * Decides the store when no auto-configuration or application bean provided one: the in-memory store when it was
 * asked for, or when nothing suggests a database; otherwise startup fails with what is missing, because the JPA
 * store was wanted.
 */
final class StoreFallback {

    private static final Logger log = LoggerFactory.getLogger(StoreFallback.class);

    private static final String STORE_BEAN_HINT = "or declare your own MessagingStore bean "
            + "(JpaMessagingStore.builder(entityManagerFactory).transactionRunner(new SpringJpaTransactionRunner("
            + "entityManagerFactory, transactionManager)).build()), or set messaging.store=memory if losing every "
            + "message at restart is acceptable";

    private StoreFallback() {
    }

    static MessagingStore inMemoryOrFail(StoreType wanted, ListableBeanFactory beans) {
        if (wanted == StoreType.MEMORY) {
            log.info("Messaging keeps its data in memory (messaging.store=memory): everything is lost at restart");
            return new InMemoryMessagingStore();
        }
        String[] dataSources = beans.getBeanNamesForType(DataSource.class, true, false);
        if (wanted == null && dataSources.length == 0) {
            log.warn("Messaging keeps its data in memory: there is no DataSource, so every conversation, message "
                    + "and attachment reference is lost at restart. Configure a DataSource with JPA for the JPA "
                    + "store, or set messaging.store=memory to say this is intended");
            return new InMemoryMessagingStore();
        }
        throw unavailable(wanted, dataSources, beans);
    }

    private static MessagingStoreUnavailableException unavailable(StoreType wanted, String[] dataSources,
                                                                  ListableBeanFactory beans) {
        String because = wanted == StoreType.JPA ? "messaging.store=jpa" : "the application has a DataSource";
        if (dataSources.length == 0) {
            return new MessagingStoreUnavailableException("messaging.store=jpa but the application has no DataSource",
                    "Configure a DataSource (spring.datasource.url) with spring-boot-starter-data-jpa, "
                            + STORE_BEAN_HINT + ".");
        }
        ClassLoader loader = classLoader(beans);
        if (!ClassUtils.isPresent("io.clientportal.messaging.jpa.JpaMessagingStore", loader)) {
            return new MessagingStoreUnavailableException(because + " but io.clientportal:messaging-jpa is not on "
                    + "the classpath", "Add the io.clientportal:messaging-jpa dependency with "
                    + "spring-boot-starter-data-jpa, " + STORE_BEAN_HINT + ".");
        }
        if (!ClassUtils.isPresent("jakarta.persistence.EntityManagerFactory", loader)
                || !ClassUtils.isPresent("org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean", loader)
                || !ClassUtils.isPresent(
                "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer", loader)) {
            return new MessagingStoreUnavailableException(because + " but JPA (Hibernate with Spring ORM) is not on "
                    + "the classpath", "Add spring-boot-starter-data-jpa, " + STORE_BEAN_HINT + ".");
        }
        String[] factories = namesOf(beans, "jakarta.persistence.EntityManagerFactory");
        if (factories.length == 0) {
            return new MessagingStoreUnavailableException(because + " but there is no JPA EntityManagerFactory",
                    "Let Boot configure JPA (spring-boot-starter-data-jpa, HibernateJpaAutoConfiguration not "
                            + "excluded), " + STORE_BEAN_HINT + ".");
        }
        if (factories.length > 1 && primaryOf(beans, factories) == null) {
            return new MessagingStoreUnavailableException(because + " and there are " + factories.length
                    + " EntityManagerFactory beans " + Arrays.toString(factories) + " with none of them @Primary",
                    "Mark the persistence unit that should hold the messaging tables @Primary, " + STORE_BEAN_HINT
                            + ".");
        }
        if (namesOf(beans, "org.springframework.transaction.PlatformTransactionManager").length == 0) {
            return new MessagingStoreUnavailableException(because + " but there is no PlatformTransactionManager",
                    "Declare a JpaTransactionManager bean for the EntityManagerFactory (Boot's JPA "
                            + "auto-configuration does), " + STORE_BEAN_HINT + ".");
        }
        return new MessagingStoreUnavailableException(because + " but MessagingJpaAutoConfiguration did not "
                + "configure the JPA store (is it excluded?)", "Don't exclude MessagingJpaAutoConfiguration, "
                + STORE_BEAN_HINT + ".");
    }

    private static String[] namesOf(ListableBeanFactory beans, String typeName) {
        try {
            return beans.getBeanNamesForType(ClassUtils.forName(typeName, classLoader(beans)), true, false);
        } catch (ClassNotFoundException | LinkageError e) {
            return new String[0];
        }
    }

    /** The application's class loader, which is what decides what is "on the classpath". */
    private static ClassLoader classLoader(ListableBeanFactory beans) {
        ClassLoader loader = beans instanceof ConfigurableListableBeanFactory configurable
                ? configurable.getBeanClassLoader() : null;
        return loader != null ? loader : StoreFallback.class.getClassLoader();
    }

    private static String primaryOf(ListableBeanFactory beans, String[] names) {
        if (beans instanceof ConfigurableListableBeanFactory configurable) {
            for (String name : names) {
                if (configurable.containsBeanDefinition(name) && configurable.getBeanDefinition(name).isPrimary()) {
                    return name;
                }
            }
        }
        return null;
    }
}
