package io.clientportal.messaging.spring.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report for requests it refuses before any application code runs (an encoded slash or NUL in the
 * path, a malformed escape, a request line it can't parse): a problem detail under the messaging base path, the
 * usual report everywhere else.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final String apiPrefix;
    private final ProblemWriter problems;

    /**
     * @param apiPrefix the context path and the API's base path
     */
    ProblemErrorReportValve(String apiPrefix, ProblemWriter problems) {
        this.apiPrefix = apiPrefix;
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !ApiPaths.isUnder(uri, "", apiPrefix)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.render(ContainerErrors.problem(status, uri)));
                response.finishResponse();
                problems.reported(status, ContainerErrors.REASON);
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write a problem answer: {}", e.toString());
        }
    }
}
