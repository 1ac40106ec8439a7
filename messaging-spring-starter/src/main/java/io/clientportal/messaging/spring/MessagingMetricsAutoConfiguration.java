package io.clientportal.messaging.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Micrometer meters of messaging ({@link MicrometerMessagingMetrics}), when a {@link MeterRegistry} exists. */
@AutoConfiguration(before = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
public class MessagingMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MicrometerMessagingMetrics messagingMetrics(MeterRegistry registry, ObjectProvider<Clock> clock) {
        return new MicrometerMessagingMetrics(registry, clock.getIfUnique(Clock::systemUTC));
    }
}
