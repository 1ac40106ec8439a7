package io.clientportal.messaging.spring;

import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.TraceHeaders;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer observations of the engine ({@link MicrometerMessagingObservations}) on the application's
 * {@link ObservationRegistry}, and, when the application traces with Micrometer Tracing, the current trace context
 * that webhook requests carry ({@link MicrometerTraceHeaders}). A {@link MessagingObservations} bean of the
 * application's own replaces both.
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessagingObservations.class)
    MicrometerMessagingObservations messagingObservations(ObservationRegistry registry,
                                                          ObjectProvider<MicrometerTraceHeaders> traces,
                                                          MessagingProperties properties) {
        MicrometerTraceHeaders current = traces.getIfUnique();
        return new MicrometerMessagingObservations(registry, current != null ? current : () -> (TraceHeaders) null,
                properties.getObservations().isTenantTag());
    }

    /** The trace context, when Micrometer Tracing is there and the application traces. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class Tracing {

        @Bean
        @ConditionalOnBean({Tracer.class, Propagator.class})
        @ConditionalOnMissingBean
        MicrometerTraceHeaders messagingTraceHeaders(Tracer tracer, Propagator propagator) {
            return new MicrometerTraceHeaders(tracer, propagator);
        }
    }
}
