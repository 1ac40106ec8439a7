package io.clientportal.messaging.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link MessagingStoreUnavailableException} in Boot's startup failure report. */
final class MessagingStoreFailureAnalyzer extends AbstractFailureAnalyzer<MessagingStoreUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MessagingStoreUnavailableException cause) {
        return new FailureAnalysis("The messaging JPA store can't be configured: " + cause.why()
                + ". Messaging does not fall back to the in-memory store, which would lose every message at restart.",
                cause.action(), cause);
    }
}
