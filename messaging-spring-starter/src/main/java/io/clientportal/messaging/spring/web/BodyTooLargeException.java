package io.clientportal.messaging.spring.web;

/** A JSON request body is larger than {@code messaging.web.max-json-body-size}. Answered 413. */
final class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes", null, false, false);
    }
}
