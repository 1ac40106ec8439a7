package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problems for requests that the servlet container or the security firewall refused before any controller saw
 * them (an encoded slash or NUL in the path, path parameters, {@code TRACE}, an unparsable request line): the
 * status they chose, a detail that says what kind of request is refused and nothing of the server.
 */
final class ContainerErrors {

    /** The reason these answers are counted under. */
    static final String REASON = "rejected_request";

    private ContainerErrors() {
    }

    /** The problem for a request the container answered with {@code status}, about {@code path}. */
    static ProblemDetail problem(int status, String path) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(detail(status));
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setInstance(ProblemWriter.instance(path));
        return problem;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request was refused before it reached the API: its path, method or headers are not "
                    + "accepted (encoded slashes, NUL, path parameters, dot segments and malformed escapes are "
                    + "refused)";
            case 404 -> "there is no endpoint at this path";
            case 405 -> "this method is not allowed here";
            case 413 -> "the request is larger than the server accepts";
            case 414 -> "the request's path is longer than the server accepts";
            case 431 -> "the request's headers are larger than the server accepts";
            default -> status >= 500 ? "an unexpected error occurred; it has been logged"
                    : "the request was not accepted";
        };
    }
}
