package io.clientportal.messaging.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much the live heap grew while a piece of work ran: what is in use after a full collection at its end minus
 * what was in use after one before it (retained growth). With {@code sampling}, a background thread also forces a
 * full collection every {@value #SAMPLE_MILLIS} ms and keeps the largest live heap it saw (peak growth during the
 * work; this costs the work a little time, so only the long announcement workload samples).
 */
final class HeapMonitor {

    private static final long SAMPLE_MILLIS = 2_000;

    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapMonitor(boolean sampling) {
        baseline = usedAfterFullGc();
        if (sampling) {
            sampler = new Thread(() -> {
                while (running) {
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (running) {
                        peak.accumulateAndGet(usedAfterFullGc(), Math::max);
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        } else {
            sampler = null;
        }
    }

    HeapMonitor() {
        this(false);
    }

    /** The growth in MB; stops sampling. */
    double growthMb() {
        running = false;
        if (sampler != null) {
            sampler.interrupt();
            try {
                sampler.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long max = Math.max(peak.get(), usedAfterFullGc());
        return Math.max(0, max - baseline) / (1024.0 * 1024.0);
    }

    private static long usedAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
