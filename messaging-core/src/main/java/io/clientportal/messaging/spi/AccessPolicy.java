package io.clientportal.messaging.spi;

/**
 * Decides who may do what. The default is {@link StandardAccessPolicy}, the table of the architecture; replace it
 * through {@code MessagingBuilder.accessPolicy(...)}. The core asks {@link Permission#VIEW} first and answers
 * {@code NotFoundException} for {@link AccessDecision#HIDE}, so a policy never leaks what exists.
 */
@FunctionalInterface
public interface AccessPolicy {

    /** Decides one request. Never returns {@code null}. */
    AccessDecision decide(AccessRequest request);
}
