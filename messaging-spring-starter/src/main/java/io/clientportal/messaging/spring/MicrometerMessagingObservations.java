package io.clientportal.messaging.spring;

import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;
import io.clientportal.messaging.spi.TraceHeaders;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.function.Supplier;

/**
 * The engine's observations as Micrometer {@link Observation}s on the application's {@link ObservationRegistry}:
 * Boot's handlers turn each into a timer (with its low-cardinality key values as tags, plus {@code error}) and, when
 * the application traces, a span. Each observation is in scope on the thread while its work runs, so the store's
 * calls and the trace context kept with webhook deliveries belong to it. The tenant becomes the key value
 * {@code tenant} only when {@code messaging.observations.tenant-tag} is on (tenants are unbounded).
 */
public final class MicrometerMessagingObservations implements MessagingObservations {

    /** The key value naming the tenant, when asked for. */
    public static final String TENANT = "tenant";

    private final ObservationRegistry registry;
    private final Supplier<TraceHeaders> currentTrace;
    private final boolean tenantTag;

    /**
     * @param currentTrace the calling thread's trace context, or {@code null} (from Micrometer Tracing, when the
     *                     application traces)
     * @param tenantTag    whether the tenant becomes a key value
     */
    public MicrometerMessagingObservations(ObservationRegistry registry, Supplier<TraceHeaders> currentTrace,
                                           boolean tenantTag) {
        this.registry = registry;
        this.currentTrace = currentTrace;
        this.tenantTag = tenantTag;
    }

    @Override
    public OngoingObservation start(ObservedOperation operation) {
        Observation.Context context = operation.parent() == null ? new MessagingObservationContext(operation)
                : new MessagingWebhookObservationContext(operation);
        Observation observation = Observation.createNotStarted(operation.kind().observationName(), () -> context,
                registry);
        operation.tags().forEach(observation::lowCardinalityKeyValue);
        if (tenantTag && operation.tenantId() != null) {
            observation.lowCardinalityKeyValue(TENANT, operation.tenantId());
        }
        observation.start();
        Observation.Scope scope = observation.openScope();
        return new OngoingObservation() {
            @Override
            public void tag(String key, String value) {
                observation.lowCardinalityKeyValue(key, value);
            }

            @Override
            public void error(Throwable error) {
                observation.error(error);
            }

            @Override
            public TraceHeaders trace() {
                return currentTrace.get();
            }

            @Override
            public void stop() {
                scope.close();
                observation.stop();
            }
        };
    }

    @Override
    public TraceHeaders currentTrace() {
        return currentTrace.get();
    }
}
