package io.clientportal.messaging.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much the live heap grew while a piece of work ran: the largest heap in use right after any collection
 * during the work (what survived, not garbage waiting to be collected), or after a full collection at its end,
 * minus the heap in use after a full collection before it.
 */
final class HeapMonitor implements AutoCloseable {

    private final long baseline;
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    HeapMonitor() {
        System.gc();
        baseline = used();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                peakAfterGc.accumulateAndGet(after, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    /** The growth in MB; stops listening. */
    double growthMb() {
        close();
        long peak = Math.max(peakAfterGc.get(), usedAfterFullGc());
        return Math.max(0, peak - baseline) / (1024.0 * 1024.0);
    }

    private static long usedAfterFullGc() {
        System.gc();
        return used();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
    }
}
