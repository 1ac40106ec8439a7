package io.clientportal.messaging.examples.portal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the network or a proxy in front of the event stream: ends every open stream from the server side, and can
 * turn new ones away (503) for a while, as a restarting server would.
 */
final class StreamDropper extends OncePerRequestFilter {

    private final List<AsyncContext> open = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (refusing) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            open.add(request.getAsyncContext());
        }
    }

    /** Ends every open stream and refuses new ones until {@link #accept()}. */
    void dropAndRefuse() {
        refusing = true;
        for (AsyncContext context : open) {
            try {
                context.complete();
            } catch (IllegalStateException alreadyOver) {
                // that stream had ended by itself
            }
        }
        open.clear();
    }

    void accept() {
        refusing = false;
    }
}
