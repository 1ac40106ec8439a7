package io.clientportal.messaging.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Actuator endpoint {@code messaging} is there exactly when Actuator is and the endpoint is exposed. */
class MessagingEndpointAutoConfigurationTests {

    @TempDir
    Path attachments;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingMetricsAutoConfiguration.class,
                        MessagingEndpointAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    @Test
    void anExposedEndpointReportsTheEngineAndThisNodesCounters() {
        runner().withUserConfiguration(Meters.class)
                .withPropertyValues("management.endpoints.web.exposure.include=messaging").run(context -> {
                    MessagingEndpoint.Report report = context.getBean(MessagingEndpoint.class).report();
                    assertThat(report.relay().state()).isIn("idle", "busy");
                    assertThat(report.announcements()).isEqualTo(new MessagingEndpoint.Announcements(0, null));
                    assertThat(report.webhooks()).isEqualTo(new MessagingEndpoint.Webhooks(0, 0,
                            List.of()));
                    assertThat(report.node()).isEqualTo(new MicrometerMessagingMetrics.Counts(0, 0, 0, 0, 0, 0));
                });
    }

    @Test
    void withoutMicrometerTheReportHasNoCounters() {
        runner().withPropertyValues("management.endpoints.web.exposure.include=messaging").run(context ->
                assertThat(context.getBean(MessagingEndpoint.class).report().node()).isNull());
    }

    @Test
    void anEndpointNotExposedOrWithoutActuatorIsNotThere() {
        runner().run(context -> assertThat(context).doesNotHaveBean(MessagingEndpoint.class));
        runner().withPropertyValues("management.endpoints.web.exposure.include=messaging")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).doesNotHaveBean(MessagingEndpoint.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
