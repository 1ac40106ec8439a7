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
     * Answers {@code request} with {@code problem}, replacing whatever the response had buffered. The problem's
     * instance is the request's path unless it names one already.
     *
     * @param reason the low-cardinality reason reported to the listeners
     */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem, String reason)
            throws IOException {
        Problem answered = problem.instance() == null ? problem.at(request.getRequestURI()) : problem;
        response.resetBuffer();
        response.setStatus(answered.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (answered.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, (answered.retryAfter().toMillis() + 999) / 1000)));
        }
        response.getOutputStream().write(render(answered).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        reported(answered.status(), reason);
    }

    /** The JSON text of {@code problem}, for a writer that answers through its own channel. */
    String render(Problem problem) {
        return json.write(problem);
    }

    /** Tells the listeners of a problem answered through {@link #render}. */
    void reported(int status, String reason) {
        for (RejectedRequestListener listener : listeners) {
            listener.rejected(status, reason);
        }
    }
}
