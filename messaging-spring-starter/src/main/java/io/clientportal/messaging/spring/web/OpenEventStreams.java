package io.clientportal.messaging.spring.web;

import org.springframework.context.SmartLifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event streams open on this node, ended when the application stops. An open stream is an asynchronous request
 * in progress, and the web server's graceful shutdown (Boot's default) waits for those until
 * {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s by default) has passed: a browser's stream never ends by
 * itself, so without this every shutdown of a node with a user online took that long (and kept a test JVM from
 * exiting). Streams are ended before the graceful shutdown begins (this stops first, in the highest phase); each
 * client reconnects, to another node, and resumes after the last event it got ({@code Last-Event-ID}). A stream
 * opened while the application is stopping is ended at once.
 */
final class OpenEventStreams implements SmartLifecycle {

    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    /** Keeps {@code stream} to end it on stop; false (and not kept) when the application is not running. */
    boolean add(SseStream stream) {
        open.add(stream);
        // Read after the add: a stop that began meanwhile either sees the stream or is seen here.
        if (!running) {
            open.remove(stream);
            return false;
        }
        return true;
    }

    /** Forgets a stream that has ended. */
    void remove(SseStream stream) {
        open.remove(stream);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; never waits for a socket ({@link SseStream#complete()}). */
    @Override
    public void stop() {
        running = false;
        for (SseStream stream : open) {
            open.remove(stream);
            stream.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The highest phase stops first: before the web server's graceful shutdown waits for requests in progress. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
