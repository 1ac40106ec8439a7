package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpStatus;

/** The request carries no authenticated principal. Answered 401. */
final class UnauthenticatedException extends ApiErrorResponseException {

    UnauthenticatedException() {
        super(HttpStatus.UNAUTHORIZED, "authentication is required", "unauthenticated");
    }
}
