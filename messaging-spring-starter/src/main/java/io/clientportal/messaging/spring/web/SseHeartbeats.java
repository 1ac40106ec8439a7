package io.clientportal.messaging.spring.web;

import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends heartbeats on every open event stream. The scheduler thread only hands each beat to an executor, at most
 * one beat per stream at a time, and never writes to a socket itself: a stream whose client stopped reading can
 * hold up its own beat, never another stream's.
 */
final class SseHeartbeats implements DisposableBean {

    private final ScheduledExecutorService scheduler;
    private final Executor beats;
    /** The pool made here when no executor was given; shut down with this bean. */
    private final ExecutorService ownBeats;
    private final Duration interval;

    /**
     * @param threads threads of the pool that writes beats when {@code executor} is {@code null}
     * @param executor where beats are written (the application's task executor), or {@code null}
     */
    SseHeartbeats(int threads, Duration interval, Executor executor) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("messaging-sse-heartbeat"));
        this.ownBeats = executor == null ? Executors.newFixedThreadPool(Math.max(1, threads),
                daemon("messaging-sse-heartbeat-writer")) : null;
        this.beats = executor != null ? executor : ownBeats;
        this.interval = interval;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs {@code beat} every interval, off the scheduler's thread, until the returned future is cancelled. */
    ScheduledFuture<?> schedule(Runnable beat) {
        long millis = interval.toMillis();
        AtomicBoolean pending = new AtomicBoolean();
        Runnable handOff = () -> {
            if (!pending.compareAndSet(false, true)) {
                return;   // the last beat of this stream has not been written yet
            }
            try {
                beats.execute(() -> {
                    try {
                        beat.run();
                    } finally {
                        pending.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                pending.set(false);
            }
        };
        return scheduler.scheduleAtFixedRate(handOff, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        if (ownBeats != null) {
            ownBeats.shutdownNow();
        }
    }
}
