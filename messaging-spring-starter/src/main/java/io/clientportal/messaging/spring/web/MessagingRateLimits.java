package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.MessagingProperties;

/** The per-actor limits of posts (messages and announcements) and uploads, from {@code messaging.web.rate-limit.*}. */
final class MessagingRateLimits {

    private final RateLimiter posts;
    private final RateLimiter uploads;

    MessagingRateLimits(MessagingProperties.RateLimit properties) {
        if (properties.isEnabled()) {
            posts = new RateLimiter("posts", properties.getPosts(), properties.getPeriod(), System::nanoTime);
            uploads = new RateLimiter("uploads", properties.getUploads(), properties.getPeriod(), System::nanoTime);
        } else {
            posts = null;
            uploads = null;
        }
    }

    /** Counts a post. @throws RateLimitExceededException when the actor posted too much */
    void post(Messaging tenant, Actor actor) {
        if (posts != null) {
            posts.acquire(new TenantActor(tenant.tenantId(), actor));
        }
    }

    /** Counts an upload. @throws RateLimitExceededException when the actor uploaded too much */
    void upload(Messaging tenant, Actor actor) {
        if (uploads != null) {
            uploads.acquire(new TenantActor(tenant.tenantId(), actor));
        }
    }

    /** Tenants' host ids may coincide: each tenant's actor has its own allowance. */
    record TenantActor(String tenantId, Actor actor) {
    }
}
