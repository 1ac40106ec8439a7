package io.clientportal.messaging.benchmarks.naive;

import org.springframework.transaction.event.TransactionalEventListener;

import java.util.function.Consumer;

/** Hands a posted message's text to whoever listens, after the posting transaction committed (one node only). */
public class NaiveEventForwarder {

    /** Published inside the posting transaction. */
    public record Posted(String text) {
    }

    private volatile Consumer<String> listener = text -> { };

    void listen(Consumer<String> listener) {
        this.listener = listener;
    }

    @TransactionalEventListener
    public void on(Posted posted) {
        listener.accept(posted.text());
    }
}
