package io.clientportal.messaging.spi;

/**
 * Instrumentation of the engine: it starts an observation around each piece of work of {@link ObservedOperation.Kind}
 * (timers and spans in the implementation's terms) and asks for the calling thread's trace context when a write
 * queues webhook deliveries, so their requests continue the write's trace. The default observes nothing; the Spring
 * Boot starter implements it with Micrometer's {@code ObservationRegistry} and, when the application traces,
 * Micrometer Tracing. Implementations must be thread-safe and quick, and should not throw: the engine treats a
 * failure of theirs as "not observed" and carries on.
 */
public interface MessagingObservations {

    /** Observes nothing: the engine's default. */
    MessagingObservations NONE = new MessagingObservations() {
    };

    /**
     * Starts observing {@code operation} on the calling thread, with the observation current (in scope) there until
     * {@link OngoingObservation#stop()}, so that what the work does (its store calls, the trace context it
     * captures) belongs to it.
     *
     * @return the started observation, never {@code null}
     */
    default OngoingObservation start(ObservedOperation operation) {
        return OngoingObservation.NONE;
    }

    /**
     * The trace context of the calling thread, kept with the webhook deliveries of the events its unit of work
     * appends; {@code null} when the thread is not in a trace.
     */
    default TraceHeaders currentTrace() {
        return null;
    }
}
