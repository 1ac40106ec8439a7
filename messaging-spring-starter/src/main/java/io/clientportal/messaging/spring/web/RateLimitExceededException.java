package io.clientportal.messaging.spring.web;

import java.time.Duration;

/** The actor used up its allowance. Answered 429 with {@code Retry-After}. */
final class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitExceededException(String what, Duration retryAfter) {
        super("too many " + what + "; retry after " + Math.max(1, retryAfter.toSeconds()) + " seconds",
                null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the next request is allowed. */
    Duration retryAfter() {
        return retryAfter;
    }
}
