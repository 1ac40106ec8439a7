package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.MessagingLimits;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes the servlet container accept uploads as large as {@code messaging.attachments.max-size} (Spring Boot's own
 * default is 1MB, which would refuse most attachments before the library sees them). Only fills in
 * {@code spring.servlet.multipart.max-file-size} and {@code max-request-size} when the application sets neither:
 * its own values always win (the property source is the last one consulted).
 */
public final class MultipartLimitsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "messagingMultipartDefaults";
    private static final String FILE_SIZE = "spring.servlet.multipart.max-file-size";
    private static final String REQUEST_SIZE = "spring.servlet.multipart.max-request-size";
    /** Room for the multipart envelope around the file. */
    private static final long ENVELOPE = DataSize.ofKilobytes(64).toBytes();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("messaging.enabled", Boolean.class, true)
                || !environment.getProperty("messaging.web.enabled", Boolean.class, true)) {
            return;
        }
        String configured = environment.getProperty("messaging.attachments.max-size");
        DataSize attachment = configured == null || configured.isBlank()
                ? DataSize.ofBytes(MessagingLimits.DEFAULT_MAX_ATTACHMENT_SIZE)
                : DataSize.parse(configured.trim());
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty(FILE_SIZE)) {
            defaults.put(FILE_SIZE, attachment.toBytes() + "B");
        }
        if (!environment.containsProperty(REQUEST_SIZE)) {
            defaults.put(REQUEST_SIZE, (attachment.toBytes() + ENVELOPE) + "B");
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
