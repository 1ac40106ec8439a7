package io.clientportal.messaging.spi;

/**
 * An observation the engine started through {@link MessagingObservations#start}. The engine calls it on the thread
 * that started it and always ends it with {@link #stop()}, once.
 */
public interface OngoingObservation {

    /** Observes nothing. */
    OngoingObservation NONE = new OngoingObservation() {
    };

    /**
     * Adds a low-cardinality key value learned while the work ran (its outcome, a webhook's HTTP status).
     *
     * @param key   one of the keys of {@link ObservedOperation}, never {@code null}
     * @param value a value from a small fixed set, never {@code null}
     */
    default void tag(String key, String value) {
    }

    /** The work failed with {@code error}, which the engine rethrows or records after this call. */
    default void error(Throwable error) {
    }

    /**
     * The trace context the work's outgoing calls carry (the webhook request's headers): this observation's span,
     * or {@code null} to send the operation's parent as it is.
     */
    default TraceHeaders trace() {
        return null;
    }

    /** The work ended. */
    default void stop() {
    }
}
