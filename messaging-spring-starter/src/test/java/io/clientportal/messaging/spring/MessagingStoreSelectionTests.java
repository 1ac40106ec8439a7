package io.clientportal.messaging.spring;

import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.spi.MessagingStore;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * {@code messaging.store}: the JPA store whenever a database is there, the in-memory one only when asked for or when
 * there is no database (with a warning), and never a silent downgrade: a JPA store that is wanted but can't be
 * configured stops startup and says what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class MessagingStoreSelectionTests {

    @TempDir
    Path attachments;

    private ApplicationContextRunner withoutDatabase() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingJpaAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    private ApplicationContextRunner withDataSource() {
        return withoutDatabase()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:store_"
                        + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    private ApplicationContextRunner withJpa() {
        return withDataSource().withConfiguration(AutoConfigurations.of(
                DataSourceTransactionManagerAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                TransactionAutoConfiguration.class));
    }

    @Test
    void withoutADataSourceTheStoreIsInMemoryAndAWarningSaysDataIsLostAtRestart(CapturedOutput output) {
        withoutDatabase().run(context -> {
            assertThat(context.getBean(MessagingStore.class)).isInstanceOf(InMemoryMessagingStore.class);
            assertThat(output).contains("WARN").contains("lost at restart").contains("messaging.store=memory");
        });
    }

    @Test
    void withADataSourceAndJpaTheStoreIsJpa() {
        withJpa().run(context -> assertThat(context.getBean(MessagingStore.class))
                .isInstanceOf(JpaMessagingStore.class));
        withJpa().withPropertyValues("messaging.store=jpa").run(context ->
                assertThat(context.getBean(MessagingStore.class)).isInstanceOf(JpaMessagingStore.class));
    }

    @Test
    void memoryAskedForIsMemoryEvenWithADatabaseAndTouchesNoTable() {
        withJpa().withPropertyValues("messaging.store=memory").run(context -> {
            assertThat(context.getBean(MessagingStore.class)).isInstanceOf(InMemoryMessagingStore.class);
            assertThat(context).doesNotHaveBean("messagingSchemaInitializer");
        });
    }

    @Test
    void aDataSourceWithoutJpaOnTheClasspathStopsStartupInsteadOfKeepingMessagesInMemory() {
        withDataSource().withClassLoader(new FilteredClassLoader("io.clientportal.messaging.jpa"))
                .run(context -> assertFailure(context, "messaging-jpa is not on the classpath",
                        "messaging.store=memory"));
        withDataSource().withClassLoader(new FilteredClassLoader("jakarta.persistence"))
                .run(context -> assertFailure(context, "JPA (Hibernate with Spring ORM) is not on the classpath",
                        "spring-boot-starter-data-jpa"));
        withDataSource().withClassLoader(new FilteredClassLoader("io.clientportal.messaging.jpa"))
                .withPropertyValues("messaging.store=memory")
                .run(context -> assertThat(context.getBean(MessagingStore.class))
                        .isInstanceOf(InMemoryMessagingStore.class));
    }

    @Test
    void aDataSourceWithoutAnEntityManagerFactoryStopsStartup() {
        withDataSource().withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class))
                .run(context -> assertFailure(context, "there is no JPA EntityManagerFactory",
                        "declare your own MessagingStore bean"));
    }

    @Test
    void twoEntityManagerFactoriesWithNoneOfThemPrimaryStopStartup() {
        withDataSource()
                .withBean("ordersUnit", EntityManagerFactory.class, () -> mock(EntityManagerFactory.class))
                .withBean("billingUnit", EntityManagerFactory.class, () -> mock(EntityManagerFactory.class))
                .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
                .run(context -> assertFailure(context, "2 EntityManagerFactory beans [ordersUnit, billingUnit]",
                        "@Primary"));
    }

    @Test
    void anEntityManagerFactoryWithoutATransactionManagerStopsStartup() {
        withDataSource()
                .withBean("unit", EntityManagerFactory.class, () -> mock(EntityManagerFactory.class))
                .run(context -> assertFailure(context, "no PlatformTransactionManager", "JpaTransactionManager"));
    }

    @Test
    void jpaAskedForWithoutAnyDatabaseStopsStartup() {
        withoutDatabase().withPropertyValues("messaging.store=jpa")
                .run(context -> assertFailure(context, "no DataSource", "spring.datasource.url"));
    }

    @Test
    void anApplicationStoreIsUsedWhateverTheSetting() {
        MessagingStore own = new InMemoryMessagingStore();
        withDataSource().withPropertyValues("messaging.store=jpa").withBean(MessagingStore.class, () -> own)
                .run(context -> assertThat(context.getBean(MessagingStore.class)).isSameAs(own));
    }

    private static void assertFailure(AssertableApplicationContext context, String why, String action) {
        assertThat(context).hasFailed();
        Throwable failure = context.getStartupFailure();
        FailureAnalysis analysis = new MessagingStoreFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription()).contains(why).contains("does not fall back to the in-memory store");
        assertThat(analysis.getAction()).contains(action);
    }
}
