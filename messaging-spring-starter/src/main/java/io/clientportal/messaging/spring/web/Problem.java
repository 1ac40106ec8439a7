package io.clientportal.messaging.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;

/**
 * An RFC 9457 problem detail as the messaging API answers it ({@code application/problem+json}).
 *
 * @param type       always {@code about:blank}: the status says what kind of problem it is
 * @param title      the status's phrase
 * @param status     the HTTP status
 * @param detail     what went wrong, for a developer; never a stack trace
 * @param instance   the request path
 * @param field      for bad input, the offending input, otherwise absent
 * @param retryAfter for 429, how long to wait (sent as {@code Retry-After}), otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      @JsonIgnore Duration retryAfter) {

    /** A problem with the given status, detail and offending field (may be {@code null}). */
    public static Problem of(int status, String title, String detail, String field) {
        return new Problem("about:blank", title, status, detail, null, field, null);
    }

    /** This problem about the given request path. */
    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, field, retryAfter);
    }

    /** This problem, to be retried after {@code delay}. */
    public Problem retryAfter(Duration delay) {
        return new Problem(type, title, status, detail, instance, field, delay);
    }
}
