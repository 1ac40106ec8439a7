package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;

import java.time.Duration;

/**
 * Decides whether an actor may make one more request of a kind (a post or an upload), per
 * {@code messaging.web.rate-limit.*}. The starter's default ({@code messaging.web.rate-limit.store}) is
 * {@link InMemoryRateLimiter} (one node's memory: with N nodes behind a balancer an actor gets up to N times the
 * limit) or {@link PostgresRateLimiter} (Bucket4j over the shared PostgreSQL: the limit holds across nodes). Declare
 * a bean of this type to use another (for example Bucket4j over Redis); it must be thread-safe and quick.
 */
public interface MessagingRateLimiter {

    /** What a request spends. */
    enum Kind {
        /** A message or an announcement; {@code messaging.web.rate-limit.posts} per period. */
        POST,
        /** An upload; {@code messaging.web.rate-limit.uploads} per period. */
        UPLOAD
    }

    /**
     * Takes one request of {@code kind} from the actor's allowance in a tenant, if one is left. Tenants' host ids
     * may coincide: each tenant's actor has an allowance of its own.
     *
     * @param tenantId the tenant the request is served in, never {@code null}
     * @param actor    the caller, never {@code null}
     * @param kind  what the request spends, never {@code null}
     * @return {@link Duration#ZERO} when the request may go ahead; otherwise how long until it would (positive)
     */
    Duration tryAcquire(String tenantId, Actor actor, Kind kind);
}
