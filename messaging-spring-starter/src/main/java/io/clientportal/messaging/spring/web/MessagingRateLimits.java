package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;

import java.time.Duration;

/**
 * Applies the {@link MessagingRateLimiter} to posts (messages and announcements) and uploads; off with
 * {@code messaging.web.rate-limit.enabled=false}.
 */
final class MessagingRateLimits {

    private final MessagingRateLimiter limiter;

    /** @param limiter the limiter, or {@code null} for no limits */
    MessagingRateLimits(MessagingRateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Counts a post. @throws RateLimitExceededException when the actor posted too much */
    void post(Messaging tenant, Actor actor) {
        acquire(tenant, actor, MessagingRateLimiter.Kind.POST, "posts");
    }

    /** Counts an upload. @throws RateLimitExceededException when the actor uploaded too much */
    void upload(Messaging tenant, Actor actor) {
        acquire(tenant, actor, MessagingRateLimiter.Kind.UPLOAD, "uploads");
    }

    private void acquire(Messaging tenant, Actor actor, MessagingRateLimiter.Kind kind, String what) {
        if (limiter == null) {
            return;
        }
        Duration wait = limiter.tryAcquire(tenant.tenantId(), actor, kind);
        if (!wait.isZero() && !wait.isNegative()) {
            throw new RateLimitExceededException(what, wait);
        }
    }
}
