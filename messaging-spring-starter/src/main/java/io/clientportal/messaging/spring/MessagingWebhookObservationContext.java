package io.clientportal.messaging.spring;

import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.TraceHeaders;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The Micrometer context of a webhook delivery attempt: a receiver of the trace context kept with the delivery, so
 * that Micrometer Tracing's propagating handler makes the attempt's span a child of the write that produced the
 * event, however much later and on whichever node it is sent.
 */
public final class MessagingWebhookObservationContext extends ReceiverContext<TraceHeaders> {

    private final ObservedOperation operation;

    public MessagingWebhookObservationContext(ObservedOperation operation) {
        super((trace, key) -> switch (key) {
            case "traceparent" -> trace.traceparent();
            case "tracestate" -> trace.tracestate();
            default -> null;
        });
        this.operation = operation;
        setCarrier(operation.parent());
    }

    /** What is observed. */
    public ObservedOperation operation() {
        return operation;
    }
}
