package io.clientportal.messaging.spring;

import io.clientportal.messaging.files.FileSystemAttachmentStore;
import io.clientportal.messaging.spi.AttachmentStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Attachment bytes on the filesystem, under {@code messaging.attachments.storage-path}. The size and type limits
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
}
