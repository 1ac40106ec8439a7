package io.clientportal.messaging.spring;

import java.util.Objects;

/**
 * Startup stops with this when the JPA store is wanted ({@code messaging.store=jpa}, or unset with a DataSource in
 * the application) but can't be configured: the starter never falls back to the in-memory store silently, which would
 * lose every message at the next restart. {@link MessagingStoreFailureAnalyzer} turns it into what to do.
 */
public final class MessagingStoreUnavailableException extends IllegalStateException {

    private final String why;
    private final String action;

    /**
     * @param why    what is missing or ambiguous, never {@code null}
     * @param action what the application should do about it, never {@code null}
     */
    public MessagingStoreUnavailableException(String why, String action) {
        super("The messaging JPA store can't be configured: " + why);
        this.why = Objects.requireNonNull(why, "why must not be null");
        this.action = Objects.requireNonNull(action, "action must not be null");
    }

    /** What is missing or ambiguous. */
    public String why() {
        return why;
    }

    /** What the application should do about it. */
    public String action() {
        return action;
    }
}
