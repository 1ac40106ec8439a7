package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spring.web.host.InvoiceRepository;
import io.clientportal.messaging.spring.web.host.InvoiceService;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import io.clientportal.messaging.Messaging;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API over the JPA store in the host's own persistence unit, beside the host's entities and Flyway migrations.
 */
@Import(AbstractJpaMessagingHttpTests.HostServices.class)
abstract class AbstractJpaMessagingHttpTests extends AbstractMessagingHttpTests {

    private static final AtomicLong INVOICE_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    MessagingStore store;

    @Autowired
    InvoiceRepository invoices;

    @Autowired
    InvoiceService invoiceService;

    @Autowired
    JdbcTemplate jdbc;

    @TestConfiguration(proxyBeanMethods = false)
    static class HostServices {
        @Bean
        InvoiceService invoiceService(InvoiceRepository invoices, Messaging messaging) {
            return new InvoiceService(invoices, messaging);
        }
    }

    @Test
    void theJpaStoreSharesTheHostsPersistenceUnitAndSchema() {
        assertThat(store).isInstanceOf(JpaMessagingStore.class);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = 'messaging_schema_history' and table_schema = current_schema", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from messaging_conversation where client_account_id = ?",
                Long.class, portal.account)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = 'flyway_schema_history' and table_schema = current_schema", Long.class)).isEqualTo(1);
        assertThat(invoices.count()).isNotNegative();
    }

    @Test
    void aHostTransactionCommitsItsEntitiesAndTheMessageTogetherOrNeither() {
        long committed = INVOICE_IDS.incrementAndGet();
        invoiceService.issue(committed, portal.account, portal.conversation.id(), portal.actor(Who.OWNER), false);
        assertThat(invoices.findById(committed)).isPresent();
        assertThat(history()).containsExactly("Your invoice " + committed + " is ready");

        long rolledBack = INVOICE_IDS.incrementAndGet();
        assertThatThrownBy(() -> invoiceService.issue(rolledBack, portal.account, portal.conversation.id(),
                portal.actor(Who.OWNER), true)).isInstanceOf(IllegalStateException.class);
        assertThat(invoices.findById(rolledBack)).isEmpty();
        assertThat(history()).containsExactly("Your invoice " + committed + " is ready");

        // The conversation's counter was rolled back with the host: the next message takes the next seq.
        String id = postMessage(Who.CLIENT_OF_ACCOUNT, "thanks");
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get(portal.conversationPath() + "/messages").json().get("items")
                .get(1).get("seq").asLong()).isEqualTo(2);
        assertThat(id).isNotBlank();
    }

    private java.util.List<String> history() {
        return messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                HistoryQuery.latest(10)).items().stream().map(m -> m.text()).toList();
    }
}
