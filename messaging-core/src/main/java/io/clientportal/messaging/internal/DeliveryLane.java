package io.clientportal.messaging.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one consumer's work (a subscriber's, a notifier's) serially on a shared executor: at most one task of a lane
 * is queued or running at a time, so a consumer that blocks holds one thread and never delays another lane, and
 * {@link #signal()} never blocks its caller. Each step does a bounded amount of work and says whether work is left;
 * a lane with work left gives its thread back and queues again, so busy lanes take turns.
 */
final class DeliveryLane {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLane.class);

    private final Executor executor;
    private final BooleanSupplier step;
    private final Consumer<RejectedExecutionException> rejected;
    /** Signals since the running (or queued) task last looked; zero when no task is queued or running. */
    private final AtomicInteger signals = new AtomicInteger();

    /**
     * @param step     does some work; true if work is left (it runs again soon), false when done until signalled
     * @param rejected told when the executor refuses the lane's task (it is shut down or saturated)
     */
    DeliveryLane(Executor executor, BooleanSupplier step, Consumer<RejectedExecutionException> rejected) {
        this.executor = executor;
        this.step = step;
        this.rejected = rejected;
    }

    /** Makes sure the step runs (again) after this call; never runs it on the caller's thread. */
    void signal() {
        if (signals.getAndIncrement() == 0) {
            submit();
        }
    }

    private void submit() {
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            signals.set(0);
            rejected.accept(e);
        }
    }

    private void run() {
        for (;;) {
            int seen = signals.get();
            boolean more;
            try {
                more = step.getAsBoolean();
            } catch (RuntimeException e) {
                log.warn("Event delivery step failed", e);
                more = false;
            }
            if (more) {
                submit();
                return;
            }
            if (signals.compareAndSet(seen, 0)) {
                return;
            }
        }
    }
}
