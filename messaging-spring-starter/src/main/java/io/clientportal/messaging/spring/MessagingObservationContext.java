package io.clientportal.messaging.spring;

import io.clientportal.messaging.spi.ObservedOperation;
import io.micrometer.observation.Observation;

/**
 * The Micrometer context of a messaging observation: which work it observes, for an application's
 * {@code ObservationPredicate}, {@code ObservationFilter} or handler to look at (the key values hold the same, as
 * low-cardinality tags).
 */
public final class MessagingObservationContext extends Observation.Context {

    private final ObservedOperation operation;

    public MessagingObservationContext(ObservedOperation operation) {
        this.operation = operation;
    }

    /** What is observed. */
    public ObservedOperation operation() {
        return operation;
    }
}
