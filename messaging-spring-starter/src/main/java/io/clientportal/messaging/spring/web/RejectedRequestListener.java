package io.clientportal.messaging.spring.web;

/**
 * Told of every request the messaging API answers with a problem (4xx and 5xx), for metrics. Implementations must
 * be quick and must not throw.
 */
@FunctionalInterface
public interface RejectedRequestListener {

    /**
     * @param status the HTTP status answered
     * @param reason a short, low-cardinality reason (for example {@code invalid_input}, {@code rate_limited})
     */
    void rejected(int status, String reason);
}
