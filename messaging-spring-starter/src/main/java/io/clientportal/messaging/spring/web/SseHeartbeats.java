package io.clientportal.messaging.spring.web;

import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The scheduler that sends heartbeats on every open event stream. */
final class SseHeartbeats implements DisposableBean {

    private final ScheduledExecutorService scheduler;
    private final Duration interval;

    SseHeartbeats(int threads, Duration interval) {
        AtomicInteger count = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "messaging-sse-heartbeat-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.interval = interval;
    }

    /** Runs {@code beat} every interval until the returned future is cancelled. */
    ScheduledFuture<?> schedule(Runnable beat) {
        long millis = interval.toMillis();
        return scheduler.scheduleAtFixedRate(beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
