package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the library itself reports of an announcement's delivery: its {@code messaging.announcement.chunk}
 * observations (one per chunk, as the starter's Micrometer timer counts them), counted and timed here so that the
 * benchmark prints them beside the progress it polls. Every other observation is left unobserved.
 */
final class ChunkObservations implements MessagingObservations {

    private final LongAdder chunks = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final AtomicLong slowest = new AtomicLong();

    @Override
    public OngoingObservation start(ObservedOperation operation) {
        if (operation.kind() != ObservedOperation.Kind.ANNOUNCEMENT_CHUNK) {
            return OngoingObservation.NONE;
        }
        long start = System.nanoTime();
        return new OngoingObservation() {
            @Override
            public void stop() {
                long took = System.nanoTime() - start;
                chunks.increment();
                nanos.add(took);
                slowest.accumulateAndGet(took, Math::max);
            }
        };
    }

    /** The chunks observed so far, as a line: how many, their mean and the slowest. */
    String summary() {
        long count = chunks.sum();
        return String.format(Locale.ROOT, "%d chunks, mean %.0f ms, slowest %.0f ms", count,
                count == 0 ? 0 : nanos.sum() / 1e6 / count, slowest.get() / 1e6);
    }
}
