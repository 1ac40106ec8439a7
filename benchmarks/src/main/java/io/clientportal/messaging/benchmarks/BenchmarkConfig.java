package io.clientportal.messaging.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The sizes of one run, from {@code -Dbench.*} system properties; the defaults are the sizes of PERFORMANCE.md and
 * finish in minutes on two cores.
 *
 * @param databases           {@code h2}, {@code postgresql} or both
 * @param rounds              measured rounds per workload (the report shows their median)
 * @param posts               posts per thread count, shared by the variants, over all rounds
 * @param postConversations   conversations the posts go to
 * @param historyMessages     messages in the one conversation whose history is paged
 * @param historyPages        pages read per round and depth
 * @param conversations       client accounts (each with its conversation); an announcement goes to all of them
 * @param agentConversations  conversations the agent takes part in (inbox, mark read + unread total)
 * @param inboxPages          inbox pages read per round
 * @param markReads           mark-read + unread-total operations per round
 * @param announcementRounds  measured announcements to all clients (each is large)
 * @param events              events whose delivery is timed per setup (one node, two), shared by the variants
 * @param eventRate           events posted per second while their delivery is timed (a busy portal's peak)
 * @param warmUpMillis        how long each variant warms up before a workload's rounds (at least)
 * @param workloads           which workloads run ({@code post,history,inbox,owner,markRead,announcement,events,
 *                            http}); all by default ({@code owner}: the owner's inbox page, unread-only page
 *                            and unread total, over every conversation; {@code inbox} and {@code owner} run on
 *                            the small tenant of {@link Dataset#small()} too, in the same rounds); or a named
 *                            profile ({@link #PROFILES}), which only runs when asked for
 * @param output              where the report files go
 */
record BenchmarkConfig(List<String> databases, int rounds, int posts, int postConversations, int historyMessages,
                       int historyPages, int conversations, int agentConversations, int inboxPages, int markReads,
                       int announcementRounds, int events, int eventRate, long warmUpMillis, Set<String> workloads,
                       Path output) {

    /** The profile of an announcement to a million clients: it sizes the run's conversations. */
    static final String BIG_ANNOUNCEMENT = "bigAnnouncement";
    /** Every workload, in the order they run. */
    static final List<String> WORKLOADS = List.of("post", "history", "inbox", "owner", "markRead", "announcement",
            "events", "http");
    /**
     * Workloads too large for the default run, run only when named ({@code sse}: 10,000 open event streams;
     * {@code bigAnnouncement}: an announcement to {@code bench.bigConversations} clients, 1,000,000 by default).
     */
    static final List<String> PROFILES = List.of("sse", BIG_ANNOUNCEMENT);

    BenchmarkConfig {
        if (agentConversations > conversations || postConversations + 1 > conversations) {
            throw new IllegalArgumentException("conversations must exceed agentConversations and postConversations");
        }
        if (eventRate < 1) {
            throw new IllegalArgumentException("eventRate must be positive");
        }
        if (rounds < 1 || announcementRounds < 1) {
            throw new IllegalArgumentException("at least one round");
        }
        if (!workloads.stream().allMatch(w -> WORKLOADS.contains(w) || PROFILES.contains(w))) {
            throw new IllegalArgumentException("unknown workload in " + workloads + "; known: " + WORKLOADS
                    + ", profiles: " + PROFILES);
        }
        workloads = Set.copyOf(workloads);
    }

    /**
     * The sizes from {@code -Dbench.*}. With the {@code bigAnnouncement} profile the run's conversations default to
     * {@code bench.bigConversations} (1,000,000) and its history to 1,000 messages (nothing pages it there).
     */
    static BenchmarkConfig fromSystemProperties() {
        Set<String> workloads = Set.of(System.getProperty("bench.workloads", String.join(",", WORKLOADS)).split(","));
        boolean big = workloads.contains(BIG_ANNOUNCEMENT);
        return new BenchmarkConfig(
                List.of(System.getProperty("bench.databases", "h2,postgresql").split(",")),
                integer("bench.rounds", 5),
                integer("bench.posts", 20_000),
                integer("bench.postConversations", 1_000),
                integer("bench.historyMessages", big ? 1_000 : 1_000_000),
                integer("bench.historyPages", 200),
                integer("bench.conversations", big ? integer("bench.bigConversations", 1_000_000) : 100_000),
                integer("bench.agentConversations", 10_000),
                integer("bench.inboxPages", 40),
                integer("bench.markReads", 10),
                integer("bench.announcementRounds", 3),
                integer("bench.events", 10_000),
                integer("bench.eventRate", 500),
                integer("bench.warmUpMillis", 2_000),
                workloads,
                Path.of(System.getProperty("bench.out", "benchmarks/target/benchmark")));
    }

    /** Sizes for the smoke test: every workload, in seconds. */
    static BenchmarkConfig tiny(List<String> databases, Path output) {
        return new BenchmarkConfig(databases, 1, 24, 10, 200, 3, 100, 10, 2, 2, 1, 20, 1_000, 0, Set.copyOf(WORKLOADS),
                output);
    }

    boolean runs(String workload) {
        return workloads.contains(workload);
    }

    /**
     * {@code -Dbench.cpuHog}: busy threads of another process that the event workload runs beside, after its runs
     * on a quiet machine (0, the default: none).
     */
    static int cpuHogThreads() {
        return integer("bench.cpuHog", 0);
    }

    private static int integer(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(defaultValue)).replace("_", ""));
    }
}
