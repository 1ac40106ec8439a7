package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.model.Announcement;

import java.util.Locale;
import java.util.function.Consumer;

import static io.clientportal.messaging.benchmarks.Result.Target.Kind.RATIO_AT_MOST;

/**
 * The {@code bigAnnouncement} profile: one announcement to every client of a run seeded with
 * {@code bench.bigConversations} of them (1,000,000 by default), through the SDK until delivered and beside it RAW's
 * set-based fan-out, one round each (each writes a million messages; a second round would run on a table twice the
 * size). RAW goes first, so the SDK's round is the one on the larger table. The SDK's heap growth is sampled as
 * the default announcement workload samples it ({@link HeapMonitor} with full collections every two seconds).
 * Progress is visible: the SDK's announcement is polled as a progress bar would poll it, and each tenth of the
 * targets delivered is printed with the library's own chunk observations ({@link ChunkObservations}). RAW's one
 * statement in one transaction shows nothing until it commits.
 */
final class BigAnnouncementWorkload {

    private final BenchmarkConfig config;

    BigAnnouncementWorkload(BenchmarkConfig config) {
        this.config = config;
    }

    Result run(BenchmarkDatabase db, SdkVariant sdk, RawVariant raw) {
        int clients = config.conversations();
        String workload = "announcement to " + clients + ", 1 round";
        Benchmark.log(db.name() + ": " + workload + ": RAW (one statement, one transaction: no progress to show)");
        db.refreshStatistics();
        long rawStart = System.nanoTime();
        raw.announceToAll("Announcement to everyone, done by hand: our offices are closed on Friday.");
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        Benchmark.log(String.format(Locale.ROOT, "%s: RAW delivered to %d in %.1f s", db.name(), clients,
                rawSeconds));

        db.refreshStatistics();
        HeapMonitor heap = new HeapMonitor(true);
        long sdkStart = System.nanoTime();
        sdk.announceToAll("Announcement to everyone: our offices are closed on Friday.",
                new Progress(db.name(), sdkStart, sdk.chunks()));
        double sdkSeconds = (System.nanoTime() - sdkStart) / 1e9;
        double heapMb = heap.growthMb();
        Benchmark.log(String.format(Locale.ROOT, "%s: SDK delivered to %d in %.1f s (RAW %.1f s, SDK/RAW %.2f),"
                + " heap growth %.1f MB; %s", db.name(), clients, sdkSeconds, rawSeconds, sdkSeconds / rawSeconds,
                heapMb, sdk.chunks().summary()));
        return new Result(workload, "s", false, sdkSeconds, rawSeconds, null, heapMb,
                new Result.Target(RATIO_AT_MOST, 2.0, "SDK/RAW <= 2, heap < 64"));
    }

    /** Prints the delivered count each time it passes another tenth of the targets. */
    private static final class Progress implements Consumer<Announcement> {

        private final String database;
        private final long start;
        private final ChunkObservations chunks;
        private int tenthsShown;

        Progress(String database, long start, ChunkObservations chunks) {
            this.database = database;
            this.start = start;
            this.chunks = chunks;
        }

        @Override
        public void accept(Announcement announcement) {
            int tenths = (int) (10L * announcement.deliveredCount() / Math.max(1, announcement.targetCount()));
            if (tenths <= tenthsShown) {
                return;
            }
            tenthsShown = tenths;
            Benchmark.log(String.format(Locale.ROOT, "%s: SDK %s %d of %d (%d%%) after %.1f s; %s", database,
                    announcement.status(), announcement.deliveredCount(), announcement.targetCount(), tenths * 10,
                    (System.nanoTime() - start) / 1e9, chunks.summary()));
        }
    }
}
