package io.clientportal.messaging.spring;

import io.clientportal.messaging.files.FileSystemAttachmentStore;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.tika.TikaContentTypeDetector;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Attachment bytes on the filesystem, under {@code messaging.attachments.storage-path}, and their types detected by
 * Apache Tika when the application has tika-core (else by the core's built-in detector). The size and type limits
 * are part of the core's limits ({@link MessagingProperties#toLimits()}).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAttachmentsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AttachmentStore messagingAttachmentStore(MessagingProperties properties) {
        return new FileSystemAttachmentStore(properties.getAttachments().getStoragePath());
    }

    /** Tika when it is there: an allowlist may then name any type it tells from the bytes (CSV, video, HEIC). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.tika.mime.MimeTypes")
    static class TikaDetection {

        @Bean
        @ConditionalOnMissingBean
        ContentTypeDetector messagingContentTypeDetector() {
            return new TikaContentTypeDetector();
        }
    }
}
