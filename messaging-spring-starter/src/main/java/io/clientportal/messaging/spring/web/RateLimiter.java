package io.clientportal.messaging.spring.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clientportal.messaging.Actor;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per actor: {@code limit} requests at once, refilled evenly over {@code period}. Buckets of idle
 * actors are dropped, so memory stays bounded by the actors active within one period.
 */
final class RateLimiter {

    private final int limit;
    private final long nanosPerToken;
    private final LongSupplier nanoTime;
    private final Cache<Object, Bucket> buckets;

    RateLimiter(int limit, Duration period, LongSupplier nanoTime) {
        if (limit <= 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and period");
        }
        this.limit = limit;
        this.nanosPerToken = Math.max(1, period.toNanos() / limit);
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).build();
    }

    /** Takes one request from the actor's allowance: zero, or how long until one is left. */
    Duration tryAcquire(Object actor) {
        Bucket bucket = buckets.get(actor, key -> new Bucket(limit, nanoTime.getAsLong()));
        return Duration.ofNanos(bucket.take(nanoTime.getAsLong(), limit, nanosPerToken));
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes a token; returns 0, or how long until one is available. */
        synchronized long take(long now, int capacity, long nanosPerToken) {
            tokens = Math.min(capacity, tokens + (double) (now - refilledAt) / nanosPerToken);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * nanosPerToken);
        }
    }
}
