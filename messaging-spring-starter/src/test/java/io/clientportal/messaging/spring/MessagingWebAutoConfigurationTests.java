package io.clientportal.messaging.spring;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.spring.web.ActorResolver;
import io.clientportal.messaging.spring.web.InMemoryRateLimiter;
import io.clientportal.messaging.spring.web.MessagingRateLimiter;
import io.clientportal.messaging.spring.web.DirectoryActorResolver;
import io.clientportal.messaging.spring.web.MessagingJacksonModule;
import io.clientportal.messaging.spring.web.ProblemWriter;
import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingWebAutoConfigurationTests {

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
                .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class, MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingWebAutoConfiguration.class,
                        MessagingSecurityAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    @Test
    void aServletApplicationGetsTheApiTheDefaultActorResolverAndTheSecurityChain() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(ActorResolver.class).isInstanceOf(DirectoryActorResolver.class);
            assertThat(context).hasSingleBean(ProblemWriter.class);
            assertThat(context).hasSingleBean(MessagingJacksonModule.class);
            assertThat(context).hasBean("messagingSecurityFilterChain");
            assertThat(context).hasBean("messagingConversationController");
            // The application's own default chain stays in place for its other paths.
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
        });
    }

    @Test
    void theRateLimiterIsInMemoryByDefaultAndAnApplicationLimiterReplacesIt() {
        runner().run(context -> assertThat(context.getBean(MessagingRateLimiter.class))
                .isInstanceOf(InMemoryRateLimiter.class));
        MessagingRateLimiter own = (tenantId, actor, kind) -> java.time.Duration.ZERO;
        runner().withBean(MessagingRateLimiter.class, () -> own)
                .run(context -> assertThat(context.getBean(MessagingRateLimiter.class)).isSameAs(own));
        runner().withPropertyValues("messaging.web.rate-limit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MessagingRateLimiter.class));
    }

    @Test
    void thePostgresqlLimiterWithoutADataSourceFailsClearly() {
        runner().withPropertyValues("messaging.web.rate-limit.store=postgresql").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("needs one DataSource"));
    }

    @Test
    void theOpenApiDocumentIsServedAndPublicUnlessSwitchedOff() {
        WebApplicationContextRunner withDocument = runner()
                .withConfiguration(AutoConfigurations.of(MessagingOpenApiAutoConfiguration.class));
        withDocument.run(context -> {
            assertThat(context).hasBean("messagingOpenApiController");
            assertThat(context).hasBean("messagingOpenApiSecurityFilterChain");
            assertThat(context).as("the document's chain is the starter's own, not the application's: the API's"
                    + " chain stays").hasBean("messagingSecurityFilterChain");
        });
        withDocument.withPropertyValues("messaging.web.openapi.permit-all=false").run(context -> {
            assertThat(context).hasBean("messagingOpenApiController");
            assertThat(context).doesNotHaveBean("messagingOpenApiSecurityFilterChain");
        });
        withDocument.withPropertyValues("messaging.web.openapi.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("messagingOpenApiController");
            assertThat(context).doesNotHaveBean("messagingOpenApiSecurityFilterChain");
        });
    }

    @Test
    void anApplicationActorResolverReplacesTheDefault() {
        ActorResolver own = principal -> Optional.of(Actor.clientUser("always-" + principal.getName()));
        runner().withBean(ActorResolver.class, () -> own)
                .run(context -> assertThat(context.getBean(ActorResolver.class)).isSameAs(own));
    }

    @Test
    void webDisabledServesNoEndpointsButKeepsTheEngine() {
        runner().withPropertyValues("messaging.web.enabled=false").run(context -> {
            assertThat(context).hasBean("messaging");
            assertThat(context).doesNotHaveBean(ProblemWriter.class);
            assertThat(context).doesNotHaveBean("messagingConversationController");
            assertThat(context).doesNotHaveBean("messagingSecurityFilterChain");
        });
    }

    @Test
    void messagingDisabledServesNothing() {
        runner().withPropertyValues("messaging.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("messaging");
            assertThat(context).doesNotHaveBean("messagingConversationController");
            assertThat(context).doesNotHaveBean("messagingSecurityFilterChain");
        });
    }

    @Test
    void theSecurityChainCanBeSwitchedOffOrIsAbsentWithoutSpringSecurity() {
        runner().withPropertyValues("messaging.web.security.enabled=false").run(context -> {
            assertThat(context).hasBean("messagingConversationController");
            assertThat(context).doesNotHaveBean("messagingSecurityFilterChain");
        });
        new WebApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class, MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingWebAutoConfiguration.class,
                        MessagingSecurityAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasBean("messagingConversationController");
                    assertThat(context).doesNotHaveBean("messagingSecurityFilterChain");
                });
    }

    @Test
    void aNonWebApplicationGetsNoEndpoints() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingWebAutoConfiguration.class,
                        MessagingSecurityAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments)
                .run(context -> {
                    assertThat(context).hasBean("messaging");
                    assertThat(context).doesNotHaveBean(ProblemWriter.class);
                });
    }
}
