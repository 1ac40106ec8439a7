package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.spi.StandardContentTypeDetector;
import io.clientportal.messaging.tika.TikaContentTypeDetector;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tika detects attachment types when the application has it; without it the allowlist must fit the built-in one. */
class MessagingContentTypeDetectorAutoConfigurationTests {

    @TempDir
    Path attachments;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    @Test
    void withTikaOnTheClasspathTikaDetectsAndCsvMayBeAllowed() {
        runner().withPropertyValues("messaging.attachments.allowed-content-types=text/csv,video/mp4,image/heic")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Messaging.class);
                    assertThat(context.getBean(ContentTypeDetector.class)).isInstanceOf(TikaContentTypeDetector.class);
                });
    }

    @Test
    void withoutTikaTheBuiltInDetectorServesTheDefaults() {
        runner().withClassLoader(new FilteredClassLoader(MimeTypes.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Messaging.class);
            assertThat(context).doesNotHaveBean(ContentTypeDetector.class);
        });
    }

    @Test
    void withoutTikaAnAllowedTypeNoDetectorRecognisesFailsStartUpSayingWhatToDo() {
        runner().withClassLoader(new FilteredClassLoader(MimeTypes.class))
                .withPropertyValues("messaging.attachments.allowed-content-types=image/png,text/csv")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("text/csv")
                        .hasMessageContaining("tika-core"));
    }

    @Test
    void theApplicationsDetectorWinsAndTheEngineUsesIt() {
        runner().withBean(ContentTypeDetector.class, StandardContentTypeDetector::new).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ContentTypeDetector.class)).isInstanceOf(StandardContentTypeDetector.class);
        });
        runner().withBean(ContentTypeDetector.class, StandardContentTypeDetector::new)
                .withPropertyValues("messaging.attachments.allowed-content-types=text/csv")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("text/csv can't be recognised by StandardContentTypeDetector"));
    }
}
