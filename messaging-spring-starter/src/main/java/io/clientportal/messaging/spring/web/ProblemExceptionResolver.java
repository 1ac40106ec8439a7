package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.Objects;

/**
 * Answers every failure of a request under the messaging base path with a problem detail, including failures that
 * happen before a controller is chosen (an oversized multipart request, an unknown path).
 */
final class ProblemExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionResolver.class);

    private final String basePath;
    private final ProblemMapper mapper;
    private final ProblemWriter writer;

    ProblemExceptionResolver(String basePath, ProblemMapper mapper, ProblemWriter writer) {
        this.basePath = Objects.requireNonNull(basePath, "basePath must not be null");
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(basePath) && !path.startsWith(basePath + "/")) {
            return null;
        }
        if (response.isCommitted()) {
            // Typically the client went away mid-stream; there is no one left to answer.
            log.debug("Messaging request failed after its answer started: {}", exception.toString());
            return new ModelAndView();
        }
        ProblemMapper.Rejection rejection = mapper.map(exception);
        try {
            writer.write(request, response, rejection.response(), rejection.reason());
        } catch (IOException e) {
            log.debug("Could not write a problem answer: {}", e.toString());
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
