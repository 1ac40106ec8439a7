package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Writes a {@link Problem} as the answer to a request, and tells the {@link RejectedRequestListener}s. */
public final class ProblemWriter {

    private final MessagingJson json;
    private final List<RejectedRequestListener> listeners;

    public ProblemWriter(MessagingJson json, List<RejectedRequestListener> listeners) {
        this.json = Objects.requireNonNull(json, "json must not be null");
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Answers {@code request} with {@code problem}, replacing whatever the response had buffered.
     *
     * @param reason the low-cardinality reason reported to the listeners
     */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem, String reason)
            throws IOException {
        Problem answered = problem.at(request.getRequestURI());
        response.resetBuffer();
        response.setStatus(answered.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (answered.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, (answered.retryAfter().toMillis() + 999) / 1000)));
        }
        response.getOutputStream().write(json.write(answered).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        for (RejectedRequestListener listener : listeners) {
            listener.rejected(answered.status(), reason);
        }
    }
}
