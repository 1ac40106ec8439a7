package io.clientportal.messaging.spring;

import io.clientportal.messaging.spring.web.MessagingOpenApiCustomizer;
import io.clientportal.messaging.spring.web.MessagingOpenApiMethodFilter;
import io.micrometer.context.ContextRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The messaging API joins the host's springdoc document when the host has springdoc, and nothing fails without. */
class MessagingSpringdocAutoConfigurationTests {

    static {
        // Micrometer's ContextRegistry loads its accessors once per JVM, through the thread's context class loader:
        // loaded first under a FilteredClassLoader that hides Spring Security (as tests here do), it fails for good,
        // and with it every web context the JVM starts afterwards. Loaded here, with the real class loader.
        ContextRegistry.getInstance();
    }

    @TempDir
    Path attachments;

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class, MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingWebAutoConfiguration.class,
                        MessagingOpenApiAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    @Test
    void withSpringdocTheCustomizerAddsTheApiUnderTheConfiguredBasePath() {
        runner().withPropertyValues("messaging.web.base-path=/portal/chat").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MessagingOpenApiMethodFilter.class);
            OpenAPI document = new OpenAPI();
            context.getBean(MessagingOpenApiCustomizer.class).customise(document);
            assertThat(document.getPaths()).containsKey("/portal/chat/conversations/{id}/messages")
                    .doesNotContainKey("/conversations/{id}/messages");
            assertThat(document.getComponents().getSchemas()).containsKey("MessagingConversation");
        });
    }

    @Test
    void withoutSpringdocNothingOfItIsThereAndTheApiStillStarts() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.security", "org.springdoc"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("messagingOpenApiController");
                    assertThat(context).doesNotHaveBean(MessagingOpenApiCustomizer.class)
                            .doesNotHaveBean(MessagingOpenApiMethodFilter.class);
                });
    }

    @Test
    void withTheDocumentSwitchedOffNothingIsAdded() {
        runner().withPropertyValues("messaging.web.openapi.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MessagingOpenApiCustomizer.class));
    }
}
