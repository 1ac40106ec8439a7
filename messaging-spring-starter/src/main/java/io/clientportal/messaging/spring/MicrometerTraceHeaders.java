package io.clientportal.messaging.spring;

import io.clientportal.messaging.spi.TraceHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The current span's W3C trace context, from Micrometer Tracing: what the engine keeps with webhook deliveries and
 * sends as {@code traceparent} and {@code tracestate}. Written by the application's {@link Propagator} (so vendor
 * state comes along); when that propagates another format (B3), the {@code traceparent} is made from the span's ids.
 */
public final class MicrometerTraceHeaders implements Supplier<TraceHeaders> {

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerTraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The current span's context, or {@code null} when there is no current span. A span the sampler left out still
     * has one, sent with its flags saying so, as W3C asks: the receiver then joins the same trace, unsampled.
     */
    @Override
    public TraceHeaders get() {
        Span span = tracer.currentSpan();
        TraceContext context = span == null ? null : span.context();
        if (context == null || context.traceId() == null || context.traceId().isEmpty()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        String traceparent = headers.get("traceparent");
        if (traceparent == null) {
            traceparent = "00-" + leftPad(context.traceId(), 32) + "-" + leftPad(context.spanId(), 16) + "-"
                    + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        }
        String tracestate = headers.get("tracestate");
        try {
            return new TraceHeaders(traceparent, tracestate == null || tracestate.isBlank() ? null : tracestate);
        } catch (IllegalArgumentException e) {
            // An over-long vendor state: the trace goes on without it.
            return new TraceHeaders(traceparent, null);
        }
    }

    /** 64-bit trace ids (some tracers' default) as the 128-bit form W3C requires. */
    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
