package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of the API's own (no credentials, no tenant, too many requests, ...) as Spring's
 * {@link ErrorResponseException}: it carries its status, problem detail and headers, so it is answered as it says.
 * Thrown often by design (a rate limit), it takes no stack trace.
 */
abstract class ApiErrorResponseException extends ErrorResponseException {

    private final String reason;

    /**
     * @param reason the low-cardinality reason the refusal is counted under
     */
    ApiErrorResponseException(HttpStatus status, String detail, String reason) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        this.reason = reason;
    }

    /** The low-cardinality reason the refusal is counted under. */
    final String reason() {
        return reason;
    }

    @Override
    public final synchronized Throwable fillInStackTrace() {
        return this;
    }
}
