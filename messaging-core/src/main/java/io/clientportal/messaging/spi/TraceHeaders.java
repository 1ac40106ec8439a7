package io.clientportal.messaging.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context of the unit of work that produced an event: what its webhook requests carry as the
 * {@code traceparent} and {@code tracestate} headers, so a receiver's trace continues the one of the write.
 *
 * @param traceparent the {@code traceparent} header value ({@code 00-<32 hex trace id>-<16 hex span id>-<2 hex
 *                    flags>}, lower case), never {@code null}
 * @param tracestate  the {@code tracestate} header value (vendor entries, at most {@value #MAX_TRACESTATE_LENGTH}
 *                    printable ASCII characters), or {@code null} when there is none
 */
public record TraceHeaders(String traceparent, String tracestate) {

    /** The longest {@code tracestate} kept (the W3C limit of 32 entries fits in it in practice). */
    public static final int MAX_TRACESTATE_LENGTH = 512;

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern TRACESTATE = Pattern.compile("[\\x20-\\x7e]*");

    /**
     * Checks the values: they go into request headers and into the store's columns, so a malformed one (a line
     * break, an overlong state) is refused here rather than sent.
     *
     * @throws IllegalArgumentException when a value is malformed
     */
    public TraceHeaders {
        Objects.requireNonNull(traceparent, "traceparent must not be null");
        if (!TRACEPARENT.matcher(traceparent).matches()) {
            throw new IllegalArgumentException("traceparent must be a W3C traceparent: " + traceparent);
        }
        if (tracestate != null && (tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE_LENGTH
                || !TRACESTATE.matcher(tracestate).matches())) {
            throw new IllegalArgumentException("tracestate must be printable ASCII of at most "
                    + MAX_TRACESTATE_LENGTH + " characters");
        }
    }

    /** The trace id: the part of {@link #traceparent()} that every span of the trace shares. */
    public String traceId() {
        return traceparent.substring(3, 35);
    }
}
