package io.clientportal.messaging.spring.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartLimitsEnvironmentPostProcessorTests {

    private final MultipartLimitsEnvironmentPostProcessor processor = new MultipartLimitsEnvironmentPostProcessor();

    private StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static DataSize size(StandardEnvironment environment, String name) {
        return DataSize.parse(environment.getProperty("spring.servlet.multipart." + name));
    }

    @Test
    void uploadsAsLargeAsTheAttachmentLimitGetThroughTheContainerByDefault() {
        StandardEnvironment environment = environment(Map.of());
        DataSize file = size(environment, "max-file-size");
        DataSize request = size(environment, "max-request-size");
        assertThat(file).isEqualTo(DataSize.ofMegabytes(25));
        assertThat(request.toBytes()).isGreaterThan(file.toBytes());
        assertThat(DataSize.parse(environment.getProperty("server.tomcat.max-part-header-size")))
                .isEqualTo(DataSize.ofKilobytes(16));
    }

    @Test
    void theApplicationsOwnPartHeaderLimitIsKept() {
        assertThat(environment(Map.of("server.tomcat.max-part-header-size", "1KB"))
                .getProperty("server.tomcat.max-part-header-size")).isEqualTo("1KB");
    }

    @Test
    void theAttachmentLimitAndTheApplicationsOwnSettingsAreRespected() {
        StandardEnvironment environment = environment(Map.of("messaging.attachments.max-size", "5MB",
                "spring.servlet.multipart.max-request-size", "2MB"));
        assertThat(size(environment, "max-file-size"))
                .isEqualTo(DataSize.ofMegabytes(5));
        assertThat(size(environment, "max-request-size"))
                .isEqualTo(DataSize.ofMegabytes(2));
    }

    @Test
    void nothingChangesWhenMessagingOrItsWebLayerIsOff() {
        assertThat(environment(Map.of("messaging.web.enabled", "false"))
                .containsProperty("spring.servlet.multipart.max-file-size")).isFalse();
        assertThat(environment(Map.of("messaging.enabled", "false"))
                .containsProperty("spring.servlet.multipart.max-file-size")).isFalse();
    }
}
