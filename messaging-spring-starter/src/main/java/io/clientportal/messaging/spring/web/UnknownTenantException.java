package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpStatus;

/** The {@link TenantResolver} names no (valid) tenant for the request. Answered 401. */
final class UnknownTenantException extends ApiErrorResponseException {

    UnknownTenantException() {
        super(HttpStatus.UNAUTHORIZED, "the request names no tenant", "unknown_tenant");
    }
}
