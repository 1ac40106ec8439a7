package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpStatus;

/** A JSON request body is larger than {@code messaging.web.max-json-body-size}. Answered 413. */
final class BodyTooLargeException extends ApiErrorResponseException {

    BodyTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "the request body is larger than " + maxBytes + " bytes", "too_large");
    }
}
