package io.clientportal.messaging.spring;

import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * When the starter serves the web components, where, and with which security chain; and the resource handler's own
 * refusals, without the container or Spring Security's firewall in front of it (MockMvc sends paths as they are).
 */
class MessagingUiAutoConfigurationTests {

    static {
        // As in MessagingWebAutoConfigurationTests: load Micrometer's accessors with the real class loader before
        // a FilteredClassLoader hides Spring Security.
        ContextRegistry.getInstance();
    }

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
                MessagingUiAutoConfiguration.class));
    }

    private WebApplicationContextRunner securedRunner() {
        return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
                SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
                MessagingUiAutoConfiguration.class));
    }

    @Test
    void theFilesAreServedAtMessagingUiByDefault() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(status(context, "/messaging-ui/probe.js")).isEqualTo(200);
            assertThat(context.getBean(UiProperties.class).getPath()).isEqualTo(UiProperties.DEFAULT_PATH);
        });
    }

    @Test
    void messagingUiEnabledFalseOrMessagingEnabledFalseServesNothing() {
        runner().withPropertyValues("messaging.ui.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("messagingUiHandlerMapping");
            assertThat(status(context, "/messaging-ui/probe.js")).isEqualTo(404);
        });
        runner().withPropertyValues("messaging.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("messagingUiHandlerMapping");
            assertThat(status(context, "/messaging-ui/probe.js")).isEqualTo(404);
        });
    }

    @Test
    void anotherPathServesTheSameFilesThereOnly() {
        runner().withPropertyValues("messaging.ui.path=assets/chat/").run(context -> {
            assertThat(status(context, "/assets/chat/probe.js")).isEqualTo(200);
            assertThat(status(context, "/assets/chat/types/probe.d.ts")).isEqualTo(200);
            assertThat(status(context, "/messaging-ui/probe.js")).isEqualTo(404);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/assets/**", "/a/{name}", "/a/../b", "/a b", "/./ui"})
    void aPathThatIsNotPlainFailsStartupNamingTheProperty(String path) {
        runner().withPropertyValues("messaging.ui.path=" + path).run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("messaging.ui.path"));
    }

    /** Paths the container and the firewall would refuse first, straight to the resource handler. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/messaging-ui/../messaging/mail/notification-subject.txt",
            "/messaging-ui/types/../../messaging/mail/notification-subject.txt",
            "/messaging-ui/%2e%2e/messaging/mail/notification-subject.txt",
            "/messaging-ui/..%2fmessaging%2fmail%2fnotification-subject.txt",
            "/messaging-ui/..%5cmessaging%5cmail%5cnotification-subject.txt",
            "/messaging-ui/%5c..%5cmessaging%5cmail%5cnotification-subject.txt",
            "/messaging-ui/%252e%252e/messaging/mail/notification-subject.txt",
            "/messaging-ui/file:/etc/hostname",
            "/messaging-ui/META-INF/MANIFEST.MF",
            "/messaging-ui/",
            "/messaging-ui/types/"})
    void theHandlerItselfRefusesEverySpellingOfOutsideAndEveryDirectory(String path) {
        runner().run(context -> {
            var answer = mvc(context).perform(get(URI.create(path))).andReturn().getResponse();
            assertThat(answer.getStatus()).as(path).isEqualTo(404);
            assertThat(answer.getContentAsString()).doesNotContain("unread message");
        });
    }

    @Test
    void withSpringSecurityAndNoChainOfTheApplicationsTheFilesHaveAPublicChain() {
        securedRunner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("messagingUiSecurityFilterChain");
            // Boot's default chain stays in place for every other path.
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
        });
        securedRunner().withPropertyValues("messaging.web.security.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("messagingUiSecurityFilterChain"));
    }

    @Test
    void anApplicationWithItsOwnChainPermitsThePathItself() {
        securedRunner().withUserConfiguration(HostChain.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hostChain");
        });
    }

    @Test
    void withoutSpringSecurityTheFilesAreStillServed() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(status(context, "/messaging-ui/probe.js")).isEqualTo(200);
                });
    }

    private static int status(AssertableWebApplicationContext context, String path) throws Exception {
        return mvc(context).perform(get(path)).andReturn().getResponse().getStatus();
    }

    private static MockMvc mvc(AssertableWebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class HostChain {

        @Bean
        SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(authorize -> authorize
                            .requestMatchers("/messaging-ui/**").permitAll()
                            .anyRequest().authenticated())
                    .build();
        }
    }
}
