package io.clientportal.messaging.examples.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays a slow connection for posts: while {@link #hold() held}, every {@code POST .../messages} waits at the door
 * until {@link #release()}, so a test sees the page's "Sending…" state for as long as it likes and counts how many
 * posts the page made meanwhile (a latch, not a delay: nothing depends on timing).
 */
final class PostGate extends OncePerRequestFilter {

    private volatile CountDownLatch gate;
    private final AtomicInteger held = new AtomicInteger();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CountDownLatch waiting = gate;
        if (waiting != null && "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/messages")) {
            held.incrementAndGet();
            try {
                if (!waiting.await(60, TimeUnit.SECONDS)) {
                    response.sendError(HttpServletResponse.SC_GATEWAY_TIMEOUT);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** From now on posts wait; the count of waiting posts starts at zero. */
    void hold() {
        held.set(0);
        gate = new CountDownLatch(1);
    }

    /** How many posts arrived since {@link #hold()}. */
    int held() {
        return held.get();
    }

    /** Lets every waiting post through, and later ones straight away. */
    void release() {
        CountDownLatch waiting = gate;
        gate = null;
        if (waiting != null) {
            waiting.countDown();
        }
    }
}
