package io.clientportal.messaging.internal;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.LimitExceededException;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;
import io.clientportal.messaging.spi.TraceHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's side of {@link MessagingObservations}: what is observed, with which tags, and what a failing
 * implementation is allowed to cost (nothing: its failures are logged and the work goes on unobserved). Tags are
 * built here only, from fixed sets, so no id, name or text can reach them.
 */
final class Instrumentation {

    private static final Logger log = LoggerFactory.getLogger(Instrumentation.class);
    static final String SUCCESS = "success";

    private final MessagingObservations observations;
    private final String store;

    Instrumentation(MessagingObservations observations, MessagingStore store) {
        this(observations, store.getClass().getSimpleName());
    }

    private Instrumentation(MessagingObservations observations, String store) {
        this.observations = observations;
        this.store = store;
    }

    /** Observes nothing (parts tested on their own). */
    static Instrumentation none() {
        return new Instrumentation(MessagingObservations.NONE, "none");
    }

    /** Runs an actor's call observed; its outcome is {@code success} or its error's. */
    <T> T observe(ObservedOperation.Kind kind, String tenantId, Actor actor, Supplier<T> work) {
        return observe(kind, tenantId, actor, work, result -> SUCCESS);
    }

    /** Runs an actor's call observed; {@code outcome} names how a call that returned ended. */
    <T> T observe(ObservedOperation.Kind kind, String tenantId, Actor actor, Supplier<T> work,
                  Function<T, String> outcome) {
        // One immutable map, which the operation keeps as it is (Map.copyOf): this runs on every call of the API.
        OngoingObservation observation = begin(new ObservedOperation(kind, tenantId, Map.of(
                ObservedOperation.ACTOR_KIND, actor == null ? "none" : actor.isTeamMember() ? "team" : "client",
                ObservedOperation.STORE, store), null));
        try {
            T result = work.get();
            observation.tag(ObservedOperation.OUTCOME, outcome.apply(result));
            return result;
        } catch (RuntimeException e) {
            failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** Starts an observation of background work; the store's tag is added here. Never fails. */
    OngoingObservation start(ObservedOperation.Kind kind, String tenantId, Map<String, String> tags,
                             TraceHeaders parent) {
        Map<String, String> all = new HashMap<>(tags);
        all.put(ObservedOperation.STORE, store);
        return begin(new ObservedOperation(kind, tenantId, all, parent));
    }

    private OngoingObservation begin(ObservedOperation operation) {
        try {
            return new Guarded(observations.start(operation));
        } catch (RuntimeException e) {
            log.debug("Could not start observing {}: {}", operation.kind(), e.toString());
            return OngoingObservation.NONE;
        }
    }

    /** Records a failure: its outcome tag and the error. */
    static void failed(OngoingObservation observation, RuntimeException error) {
        observation.tag(ObservedOperation.OUTCOME, outcomeOf(error));
        observation.error(error);
    }

    /** The calling thread's trace context, or {@code null}; a malformed one is dropped. Never fails. */
    TraceHeaders currentTrace() {
        try {
            return observations.currentTrace();
        } catch (RuntimeException e) {
            log.debug("Could not read the current trace context: {}", e.toString());
            return null;
        }
    }

    /** The outcome tag of a failed call: the kind of its error, from a fixed set. */
    static String outcomeOf(Throwable error) {
        if (error instanceof NotFoundException) {
            return "not_found";
        } else if (error instanceof AccessDeniedException) {
            return "denied";
        } else if (error instanceof InvalidInputException) {
            return "invalid";
        } else if (error instanceof ConflictException) {
            return "conflict";
        } else if (error instanceof LimitExceededException) {
            return "limited";
        } else if (error instanceof MessagingStoreException) {
            return "store_error";
        }
        return "error";
    }

    /** An implementation's observation whose failures never reach the observed work. */
    private static final class Guarded implements OngoingObservation {

        private final OngoingObservation delegate;

        Guarded(OngoingObservation delegate) {
            this.delegate = delegate == null ? OngoingObservation.NONE : delegate;
        }

        @Override
        public void tag(String key, String value) {
            quietly(() -> delegate.tag(key, value));
        }

        @Override
        public void error(Throwable error) {
            quietly(() -> delegate.error(error));
        }

        @Override
        public TraceHeaders trace() {
            try {
                return delegate.trace();
            } catch (RuntimeException e) {
                log.debug("Could not read an observation's trace context: {}", e.toString());
                return null;
            }
        }

        @Override
        public void stop() {
            quietly(delegate::stop);
        }

        private static void quietly(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.debug("An observation failed: {}", e.toString());
            }
        }
    }
}
