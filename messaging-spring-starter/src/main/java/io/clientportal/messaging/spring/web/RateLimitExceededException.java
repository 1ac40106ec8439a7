package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** The actor used up its allowance. Answered 429 with {@code Retry-After}. */
final class RateLimitExceededException extends ApiErrorResponseException {

    RateLimitExceededException(String what, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too many " + what + "; retry after " + seconds(retryAfter) + " seconds",
                "rate_limited");
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    /** Whole seconds, rounded up and at least one: a client that waits that long is let through. */
    private static long seconds(Duration delay) {
        return Math.max(1, (delay.toMillis() + 999) / 1000);
    }
}
