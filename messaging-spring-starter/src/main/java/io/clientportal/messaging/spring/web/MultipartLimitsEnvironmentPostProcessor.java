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
 * default is 1MB, which would refuse most attachments before the library sees them), and with a file name as long
 * as people give them (Tomcat's default of 512 bytes for a part's headers refuses a name of a few hundred
 * characters; the library shortens long names itself). Fills in each of
 * {@code spring.servlet.multipart.max-file-size}, {@code max-request-size} and
 * {@code server.tomcat.max-part-header-size} only when the application does not set it: its own values always win
 * (the property source is the last one consulted).
 */
public final class MultipartLimitsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "messagingMultipartDefaults";
    private static final String FILE_SIZE = "spring.servlet.multipart.max-file-size";
    private static final String REQUEST_SIZE = "spring.servlet.multipart.max-request-size";
    private static final String PART_HEADER_SIZE = "server.tomcat.max-part-header-size";
    /** Room for a 1,000-character name percent-encoded as UTF-8, and the part's other headers. */
    static final DataSize PART_HEADER_DEFAULT = DataSize.ofKilobytes(16);
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
        if (!environment.containsProperty(PART_HEADER_SIZE)) {
            defaults.put(PART_HEADER_SIZE, PART_HEADER_DEFAULT.toBytes() + "B");
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
