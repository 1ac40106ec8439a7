package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.spring.MessagingProperties;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token buckets per actor in this node's memory: right for one node (nothing to set up, nothing shared); with several
 * nodes each counts on its own, so use {@link PostgresRateLimiter} there.
 */
public final class InMemoryRateLimiter implements MessagingRateLimiter {

    private final RateLimiter posts;
    private final RateLimiter uploads;

    /** Limits from {@code messaging.web.rate-limit.*}. */
    public InMemoryRateLimiter(MessagingProperties.RateLimit properties) {
        this(properties, System::nanoTime);
    }

    InMemoryRateLimiter(MessagingProperties.RateLimit properties, LongSupplier nanoTime) {
        this.posts = new RateLimiter(properties.getPosts(), properties.getPeriod(), nanoTime);
        this.uploads = new RateLimiter(properties.getUploads(), properties.getPeriod(), nanoTime);
    }

    @Override
    public Duration tryAcquire(String tenantId, Actor actor, Kind kind) {
        return (kind == Kind.POST ? posts : uploads).tryAcquire(new TenantActor(tenantId, actor));
    }

    /** One allowance per tenant and actor. */
    private record TenantActor(String tenantId, Actor actor) {
    }
}
