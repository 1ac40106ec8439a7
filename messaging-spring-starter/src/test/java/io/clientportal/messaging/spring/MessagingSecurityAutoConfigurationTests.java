package io.clientportal.messaging.spring;

import io.clientportal.messaging.spring.web.MessagingSecurityConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.CorsFilter;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * When the starter secures the API itself and with what: only while the application has no chain of its own (Boot's
 * default chain does not count), HTTP Basic only when asked for, bearer JWTs when there is a JwtDecoder.
 */
class MessagingSecurityAutoConfigurationTests {

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
    void withoutAChainOfTheApplicationsOwnTheStarterSecuresTheApiBesideBootsDefault() {
        runner().run(context -> {
            assertThat(context).hasBean("messagingSecurityFilterChain");
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
        });
    }

    @Test
    void aChainOfTheApplicationsOwnMakesTheStarterBackOff() {
        runner().withUserConfiguration(HostChain.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("messagingSecurityFilterChain");
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hostChain");
        });
    }

    @Test
    void inTheHostsChainTheConfigurerAddsBasicOnlyWhenAskedFor() {
        runner().withUserConfiguration(HostChain.class).run(context -> assertThat(context.getBean("hostChain",
                SecurityFilterChain.class).getFilters()).doesNotHaveAnyElementsOfTypes(BasicAuthenticationFilter.class));
        runner().withUserConfiguration(HostChain.class).withPropertyValues("messaging.web.security.basic=true")
                .run(context -> assertThat(context.getBean("hostChain", SecurityFilterChain.class).getFilters())
                        .hasAtLeastOneElementOfType(BasicAuthenticationFilter.class));
    }

    @Test
    void inTheHostsChainTheConfigurerAnswersCorsOnlyWhenOriginsAreListed() {
        runner().withUserConfiguration(HostChain.class).run(context -> assertThat(context.getBean("hostChain",
                SecurityFilterChain.class).getFilters()).doesNotHaveAnyElementsOfTypes(CorsFilter.class));
        runner().withUserConfiguration(HostChain.class)
                .withPropertyValues("messaging.web.cors.allowed-origins=https://app.example.com")
                .run(context -> assertThat(context.getBean("hostChain", SecurityFilterChain.class).getFilters())
                        .hasAtLeastOneElementOfType(CorsFilter.class));
    }

    @Test
    void httpBasicOnlyWhenAskedFor() {
        runner().run(context -> assertThat(filters(context)).doesNotHaveAnyElementsOfTypes(
                BasicAuthenticationFilter.class));
        runner().withPropertyValues("messaging.web.security.basic=true").run(context ->
                assertThat(filters(context)).hasAtLeastOneElementOfType(BasicAuthenticationFilter.class));
    }

    @Test
    void bearerJwtsWhenThereIsAJwtDecoderAndTheResourceServerIsOnTheClasspath() {
        runner().run(context -> assertThat(filters(context)).doesNotHaveAnyElementsOfTypes(
                BearerTokenAuthenticationFilter.class));
        runner().withBean(JwtDecoder.class, () -> mock(JwtDecoder.class)).run(context ->
                assertThat(filters(context)).hasAtLeastOneElementOfType(BearerTokenAuthenticationFilter.class));
        runner().withBean(JwtDecoder.class, () -> mock(JwtDecoder.class))
                .withPropertyValues("messaging.web.security.jwt.enabled=false").run(context ->
                        assertThat(filters(context)).doesNotHaveAnyElementsOfTypes(
                                BearerTokenAuthenticationFilter.class));
    }

    private static java.util.List<jakarta.servlet.Filter> filters(AssertableWebApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean("messagingSecurityFilterChain", SecurityFilterChain.class).getFilters();
    }

    @Configuration(proxyBeanMethods = false)
    static class HostChain {

        @Bean
        SecurityFilterChain hostChain(HttpSecurity http) {
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .with(MessagingSecurityConfigurer.messaging(), Customizer.withDefaults());
            return http.build();
        }
    }
}
