package io.clientportal.messaging.spring.web;

/** The request carries no authenticated principal. Answered 401. */
final class UnauthenticatedException extends RuntimeException {

    UnauthenticatedException() {
        super("authentication is required", null, false, false);
    }
}
