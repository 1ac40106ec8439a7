package io.clientportal.messaging.spring.web;

/** The {@link TenantResolver} names no (valid) tenant for the request. Answered 401. */
final class UnknownTenantException extends RuntimeException {

    UnknownTenantException() {
        super("the request names no tenant", null, false, false);
    }
}
