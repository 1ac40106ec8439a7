package io.clientportal.messaging;

import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;
import io.clientportal.messaging.spi.TraceHeaders;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Records what the engine observes, as a tracer would: each observation is a span with its own trace context, a
 * child of its parent or of the observation in scope on the thread, and that context is the thread's while it runs.
 */
final class RecordingObservations implements MessagingObservations {

    /** One observation as it ended. */
    record Recorded(ObservedOperation operation, Map<String, String> tags, Throwable error, TraceHeaders trace,
                    TraceHeaders parent, boolean stopped) {

        String name() {
            return operation.kind().observationName();
        }
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final ThreadLocal<TraceHeaders> inScope = new ThreadLocal<>();
    private final Function<ObservedOperation, TraceHeaders> traces;

    /** @param traces the trace context each observation gets, given what it observes */
    RecordingObservations(Function<ObservedOperation, TraceHeaders> traces) {
        this.traces = traces;
    }

    @Override
    public OngoingObservation start(ObservedOperation operation) {
        TraceHeaders parent = operation.parent() != null ? operation.parent() : inScope.get();
        TraceHeaders trace = traces.apply(operation);
        TraceHeaders outer = inScope.get();
        inScope.set(trace);
        Map<String, String> tags = new ConcurrentHashMap<>(operation.tags());
        return new OngoingObservation() {
            private Throwable error;

            @Override
            public void tag(String key, String value) {
                tags.put(key, value);
            }

            @Override
            public void error(Throwable failure) {
                error = failure;
            }

            @Override
            public TraceHeaders trace() {
                return trace;
            }

            @Override
            public void stop() {
                inScope.set(outer);
                recorded.add(new Recorded(operation, Map.copyOf(tags), error, trace, parent, true));
            }
        };
    }

    @Override
    public TraceHeaders currentTrace() {
        return inScope.get();
    }

    List<Recorded> named(String name) {
        return recorded.stream().filter(r -> r.name().equals(name)).toList();
    }

    List<Recorded> all() {
        return List.copyOf(recorded);
    }
}
