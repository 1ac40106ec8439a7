package io.clientportal.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are retried: attempt {@code n} failing (an answer other than 2xx, a time-out, a refused connection)
 * waits about {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, with random jitter (between half and
 * all of it), before attempt {@code n + 1}; after {@code maxAttempts} attempts the delivery is a dead letter, which
 * {@link Webhooks#replay} puts back in the queue.
 *
 * @param maxAttempts    attempts before giving up, at least 1
 * @param initialBackoff the wait after the first failure
 * @param maxBackoff     the longest wait
 * @param timeout        how long one attempt may take (connect and answer)
 */
public record WebhookPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {

    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public WebhookPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        positive(initialBackoff, "initialBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(timeout, "timeout");
    }

    /** 8 attempts, 5 seconds doubling up to 1 hour, 10 seconds per attempt. */
    public static WebhookPolicy defaults() {
        return new WebhookPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_TIMEOUT);
    }

    public WebhookPolicy withMaxAttempts(int maxAttempts) {
        return new WebhookPolicy(maxAttempts, initialBackoff, maxBackoff, timeout);
    }

    public WebhookPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new WebhookPolicy(maxAttempts, initialBackoff, maxBackoff, timeout);
    }

    public WebhookPolicy withTimeout(Duration timeout) {
        return new WebhookPolicy(maxAttempts, initialBackoff, maxBackoff, timeout);
    }

    /** The wait after failed attempt {@code attempt} (1-based), before jitter. */
    public Duration backoffAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initialBackoff.toMillis() << doublings;
        return millis <= 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
