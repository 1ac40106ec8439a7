package io.clientportal.messaging.spi;

/** The answer of an {@link AccessPolicy}. */
public enum AccessDecision {
    /** Go ahead. */
    ALLOW,
    /** The actor sees the conversation but may not do this: {@code AccessDeniedException}. */
    DENY,
    /** The actor may not know the conversation exists: {@code NotFoundException}, as for a missing id. */
    HIDE
}
