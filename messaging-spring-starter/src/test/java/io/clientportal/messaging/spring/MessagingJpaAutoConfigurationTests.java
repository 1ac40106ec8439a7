package io.clientportal.messaging.spring;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spring.web.host.Invoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingJpaAutoConfigurationTests {

    @TempDir
    Path attachments;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                        TransactionAutoConfiguration.class, MessagingJpaAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments,
                        "spring.datasource.url=jdbc:h2:mem:jpa_" + UUID.randomUUID().toString().replace("-", "")
                                + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void withADataSourceAndJpaTheStoreIsJpaOnAnAppliedSchema() {
        runner().run(context -> {
            assertThat(context.getBean(MessagingStore.class)).isInstanceOf(JpaMessagingStore.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("select count(*) from information_schema.tables "
                    + "where lower(table_name) = 'messaging_schema_history'", Long.class)).isEqualTo(1);
            postAndRead(context.getBean(Messaging.class));
        });
    }

    @Test
    void theHostsEntityScanAndDdlGenerationLeaveTheMessagingTablesToTheScripts() {
        runner().withUserConfiguration(HostWithEntityScan.class)
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("select count(*) from invoice", Long.class)).isZero();
                    postAndRead(context.getBean(Messaging.class));
                });
    }

    @Test
    void schemaInitializationNeverLeavesTheDatabaseAloneAndStartupFailsWithoutTheTables() throws Exception {
        String url = "jdbc:h2:mem:never_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        runner().withPropertyValues("messaging.schema.initialize=never", "spring.datasource.url=" + url)
                .run(context -> assertThat(context).hasFailed());
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.ResultSet tables = connection.createStatement().executeQuery("select count(*) from "
                     + "information_schema.tables where lower(table_name) like 'messaging%'")) {
            tables.next();
            assertThat(tables.getLong(1)).isZero();
        }
    }

    @Test
    void withoutJpaOnTheClasspathTheStoreIsInMemoryOnlyWhenAskedFor() {
        runner().withClassLoader(new FilteredClassLoader("io.clientportal.messaging.jpa", "jakarta.persistence"))
                .run(context -> assertThat(context).hasFailed());
        runner().withClassLoader(new FilteredClassLoader("io.clientportal.messaging.jpa", "jakarta.persistence"))
                .withPropertyValues("messaging.store=memory")
                .run(context -> assertThat(context.getBean(MessagingStore.class))
                        .isInstanceOf(InMemoryMessagingStore.class));
    }

    @Test
    void anApplicationStoreWins() {
        runner().withBean(MessagingStore.class, InMemoryMessagingStore::new).run(context -> {
            assertThat(context.getBean(MessagingStore.class)).isInstanceOf(InMemoryMessagingStore.class);
            assertThat(context).doesNotHaveBean("messagingSchemaInitializer");
        });
    }

    private static void postAndRead(Messaging messaging) {
        Conversation conversation = messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL);
        messaging.directory().addClientUser("acme", "cathy", "Cathy");
        messaging.messages().post(Actor.clientUser("cathy"), conversation.id(), NewMessage.text("Hello"));
        assertThat(messaging.messages().history(Actor.clientUser("cathy"), conversation.id(), HistoryQuery.latest(5))
                .items()).extracting(m -> m.text()).containsExactly("Hello");
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Invoice.class)
    static class HostWithEntityScan {
    }
}
