package io.clientportal.messaging.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;

/**
 * Answers the error dispatch of a messaging request with a problem detail, before the application's error page
 * (Boot's {@code /error}, HTML or its own JSON) and before its security chain: requests that the security firewall
 * rejects ({@code ;x=y}, {@code %2e%2e}, {@code //}, unknown methods), and errors a filter raised or the container
 * sent. Error dispatches of every other path go on to the application's error handling untouched.
 */
final class ErrorDispatchProblemFilter extends OncePerRequestFilter {

    private final String basePath;
    private final ProblemWriter problems;

    ErrorDispatchProblemFilter(String basePath, ProblemWriter problems) {
        this.basePath = Objects.requireNonNull(basePath, "basePath must not be null");
        this.problems = Objects.requireNonNull(problems, "problems must not be null");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !ApiPaths.isUnder(uri, request.getContextPath(), basePath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.isCommitted()) {
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : response.getStatus();
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problems.write(request, response, ContainerErrors.problem(status < 400 ? 500 : status, uri),
                ContainerErrors.REASON);
    }
}
