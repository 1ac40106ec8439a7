package io.clientportal.messaging.spring.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open event stream's writes, so that nobody but the stream's own sender ever waits for its socket. Events are
 * written one at a time by the subscription's delivery thread; a write to a client that stopped reading blocks that
 * thread only. A heartbeat is skipped while a write is in progress (the stream is not idle then), and ending the
 * stream while a write is stuck does not wait for it: the stream completes as soon as that write returns.
 * ({@link SseEmitter} itself serialises sends and completion on one lock, so calling it directly would park the
 * heartbeat thread, or the thread that closes the subscription, behind a stuck socket.)
 */
final class SseStream {

    private static final Logger log = LoggerFactory.getLogger(SseStream.class);

    private final SseEmitter emitter;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile boolean completing;

    SseStream(SseEmitter emitter) {
        this.emitter = emitter;
    }

    /** Writes an event, waiting for a heartbeat being written; false when the stream has ended or the write failed. */
    boolean send(SseEmitter.SseEventBuilder event) {
        writing.lock();
        try {
            if (completing) {
                return false;
            }
            emitter.send(event);
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("Event stream closed while sending: {}", e.toString());
            return false;
        } finally {
            release();
        }
    }

    /**
     * Writes a heartbeat unless something is being written right now; false when the stream has ended or the write
     * failed.
     */
    boolean heartbeat() {
        if (!writing.tryLock()) {
            return true;
        }
        try {
            if (completing) {
                return false;
            }
            emitter.send(SseFrame.event().comment("heartbeat"));
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("Event stream closed at heartbeat: {}", e.toString());
            return false;
        } finally {
            release();
        }
    }

    /** Ends the stream now, or, if a write is in progress, as soon as it returns. Never waits for the socket. */
    void complete() {
        completing = true;
        if (writing.tryLock()) {
            try {
                finish();
            } finally {
                writing.unlock();
            }
        }
    }

    private void release() {
        writing.unlock();
        // complete() may have found the lock taken just before it was released: finish on its behalf.
        if (completing && !completed.get() && writing.tryLock()) {
            try {
                finish();
            } finally {
                writing.unlock();
            }
        }
    }

    private void finish() {
        if (completed.compareAndSet(false, true)) {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("Event stream already ended: {}", e.toString());
            }
        }
    }
}
