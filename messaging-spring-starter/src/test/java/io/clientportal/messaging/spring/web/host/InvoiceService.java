package io.clientportal.messaging.spring.web.host;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import org.springframework.transaction.annotation.Transactional;

import java.util.function.Supplier;

/** A host service that stores an invoice and tells the client about it, in one transaction. */
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final Messaging messaging;

    public InvoiceService(InvoiceRepository invoices, Messaging messaging) {
        this.invoices = invoices;
        this.messaging = messaging;
    }

    @Transactional
    public void issue(long id, String accountId, ConversationId conversation, Actor author, boolean failAfterwards) {
        invoices.save(new Invoice(id, accountId, 12_300));
        messaging.messages().post(author, conversation, NewMessage.text("Your invoice " + id + " is ready"));
        if (failAfterwards) {
            throw new IllegalStateException("the host's transaction failed after posting");
        }
    }

    /** Stores an invoice and does {@code messagingWork} in one transaction, which then fails if asked to. */
    @Transactional
    public <T> T issueAnd(long id, String accountId, Supplier<T> messagingWork, boolean failAfterwards) {
        invoices.save(new Invoice(id, accountId, 12_300));
        T result = messagingWork.get();
        if (failAfterwards) {
            throw new IllegalStateException("the host's transaction failed after the messaging work");
        }
        return result;
    }
}
