package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.MessagingProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The beans of the REST and SSE API. Imported by
 * {@link io.clientportal.messaging.spring.MessagingWebAutoConfiguration}, which decides whether the API is served.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ActorResolver messagingActorResolver(Messaging messaging, MessagingProperties properties) {
        MessagingProperties.Jwt jwt = properties.getWeb().getSecurity().getJwt();
        return new DirectoryActorResolver(messaging, jwt.getActorIdClaim(), jwt.getActorKindClaim());
    }

    /**
     * From {@code messaging.web.tenant.header} or {@code messaging.web.tenant.jwt-claim}; with neither, every request
     * acts in {@code messaging.tenant} (by default the engine's own tenant).
     */
    @Bean
    @ConditionalOnMissingBean
    TenantResolver messagingTenantResolver(Messaging messaging, MessagingProperties properties) {
        MessagingProperties.Tenant tenant = properties.getWeb().getTenant();
        boolean header = tenant.getHeader() != null && !tenant.getHeader().isBlank();
        boolean claim = tenant.getJwtClaim() != null && !tenant.getJwtClaim().isBlank();
        if (header && claim) {
            throw new IllegalStateException("Set one of messaging.web.tenant.header and messaging.web.tenant.jwt-claim,"
                    + " not both (or declare a TenantResolver bean)");
        }
        if (header) {
            return TenantResolver.header(tenant.getHeader().trim());
        }
        if (claim) {
            return TenantResolver.jwtClaim(tenant.getJwtClaim().trim());
        }
        String fixed = properties.getTenant();
        return TenantResolver.fixed(fixed != null && !fixed.isBlank() ? fixed.trim() : messaging.tenantId());
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingJson messagingJson() {
        return new MessagingJson();
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingJacksonModule messagingJacksonModule() {
        return new MessagingJacksonModule();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter messagingProblemWriter(MessagingJson json, ObjectProvider<RejectedRequestListener> listeners) {
        return new ProblemWriter(json, listeners.orderedStream().toList());
    }

    @Bean
    MessagingWebMvcConfigurer messagingWebMvcConfigurer(Messaging messaging, MessagingProperties properties,
                                                        ActorResolver actorResolver, TenantResolver tenantResolver,
                                                        MessagingJson json, ProblemWriter problemWriter) {
        RequestTenants tenants = new RequestTenants(messaging, tenantResolver);
        String basePath = normalise(properties.getWeb().getBasePath());
        return new MessagingWebMvcConfigurer(
                List.of(new ActorArgumentResolver(actorResolver, tenants), new TenantArgumentResolver(tenants)),
                new MessagingJsonHttpMessageConverter(json, properties.getWeb().getMaxJsonBodySize().toBytes()),
                new ProblemExceptionResolver(basePath, new ProblemMapper(), problemWriter),
                basePath, MessagingCors.configuration(properties.getWeb().getCors()));
    }

    /** Error dispatches of API requests answer problems, before the application's error page and security. */
    @Bean
    FilterRegistrationBean<ErrorDispatchProblemFilter> messagingErrorDispatchProblemFilter(
            MessagingProperties properties, ProblemWriter problemWriter) {
        FilterRegistrationBean<ErrorDispatchProblemFilter> registration = new FilterRegistrationBean<>(
                new ErrorDispatchProblemFilter(normalise(properties.getWeb().getBasePath()), problemWriter));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(ERROR_DISPATCH_FILTER_ORDER);
        return registration;
    }

    /** The per-actor limits' counter ({@code messaging.web.rate-limit.store}); declare your own to replace it. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "messaging.web.rate-limit.enabled", matchIfMissing = true)
    MessagingRateLimiter messagingRateLimiter(MessagingProperties properties, ObjectProvider<DataSource> dataSource) {
        MessagingProperties.RateLimit rateLimit = properties.getWeb().getRateLimit();
        return switch (rateLimit.getStore()) {
            case MEMORY -> new InMemoryRateLimiter(rateLimit);
            case POSTGRESQL -> RateLimiterStores.postgres(dataSource.getIfUnique(), rateLimit);
        };
    }

    @Bean
    MessagingRateLimits messagingRateLimits(ObjectProvider<MessagingRateLimiter> limiter) {
        return new MessagingRateLimits(limiter.getIfAvailable());
    }

    @Bean
    SseHeartbeats messagingSseHeartbeats(MessagingProperties properties,
                                         @Qualifier("applicationTaskExecutor") ObjectProvider<Executor> executor) {
        return new SseHeartbeats(properties.getWeb().getSse().getHeartbeatThreads(),
                properties.getWeb().getSse().getHeartbeatInterval(), executor.getIfAvailable());
    }

    @Bean
    MeController messagingMeController() {
        return new MeController();
    }

    @Bean
    NotificationController messagingNotificationController(Messaging messaging,
            ObjectProvider<io.clientportal.messaging.spring.notifications.UnsubscribeTokens> tokens) {
        return new NotificationController(messaging, tokens);
    }

    /** Only with Angus Mail (Boot's mail starter), which reads the mails. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "jakarta.mail.internet.MimeMessage")
    InboundMailController messagingInboundMailController(Messaging messaging,
            ObjectProvider<io.clientportal.messaging.spring.notifications.InboundMailReader> reader,
            ObjectProvider<io.clientportal.messaging.spring.NotificationReplyProperties> properties) {
        return new InboundMailController(messaging, reader, properties);
    }

    @Bean
    ConversationController messagingConversationController() {
        return new ConversationController();
    }

    @Bean
    SearchController messagingSearchController() {
        return new SearchController();
    }

    @Bean
    ParticipantController messagingParticipantController() {
        return new ParticipantController();
    }

    @Bean
    MessageController messagingMessageController(MessagingRateLimits rateLimits,
                                                 ObjectProvider<MessagingApiListener> listeners) {
        return new MessageController(rateLimits, listeners.orderedStream().toList());
    }

    @Bean
    AttachmentController messagingAttachmentController(MessagingRateLimits rateLimits) {
        return new AttachmentController(rateLimits);
    }

    @Bean
    AnnouncementController messagingAnnouncementController(MessagingRateLimits rateLimits,
                                                           ObjectProvider<MessagingApiListener> listeners) {
        return new AnnouncementController(rateLimits, listeners.orderedStream().toList());
    }

    @Bean
    SavedReplyController messagingSavedReplyController() {
        return new SavedReplyController();
    }

    @Bean
    OpenEventStreams messagingOpenEventStreams() {
        return new OpenEventStreams();
    }

    @Bean
    EventStreamController messagingEventStreamController(MessagingJson json, SseHeartbeats heartbeats,
                                                         OpenEventStreams openStreams,
                                                         MessagingProperties properties) {
        return new EventStreamController(json, heartbeats, openStreams, properties.getWeb().getSse().getTimeout());
    }

    /** Before Spring Security's filter (at -100), which would ask an error dispatch to authenticate. */
    static final int ERROR_DISPATCH_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /**
     * On Tomcat: its own refusals (an encoded slash or NUL in the path, a malformed escape) answered as problems
     * under the base path. Runs after Boot's customizer, whose error report valve it takes the place of.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.startup.Tomcat",
            "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory"})
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> messagingTomcatErrorReports(
                MessagingProperties properties, ProblemWriter problemWriter) {
            return new TomcatErrorReportCustomizer(normalise(properties.getWeb().getBasePath()), problemWriter);
        }

        /** {@code messaging.web.sse.socket-buffer-size}: smaller per-connection buffers for many open streams. */
        @Bean
        @ConditionalOnProperty(prefix = "messaging.web.sse", name = "socket-buffer-size")
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> messagingTomcatSocketBuffers(
                MessagingProperties properties) {
            return new TomcatSocketBufferCustomizer(properties.getWeb().getSse().getSocketBufferSize());
        }
    }

    /** On Jetty: {@code messaging.web.sse.socket-buffer-size} sizes the request buffers and ends write gathering. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.eclipse.jetty.server.Server",
            "org.springframework.boot.jetty.ConfigurableJettyWebServerFactory"})
    static class JettyBuffers {

        @Bean
        @ConditionalOnProperty(prefix = "messaging.web.sse", name = "socket-buffer-size")
        WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> messagingJettySocketBuffers(
                MessagingProperties properties) {
            return new JettySocketBufferCustomizer(properties.getWeb().getSse().getSocketBufferSize());
        }
    }

    /** The base path without a trailing slash, starting with one. */
    static String normalise(String basePath) {
        String path = basePath == null ? "" : basePath.trim();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Plugs the API's argument resolvers, JSON converter, problem answers and CORS rules into Spring MVC. */
    static final class MessagingWebMvcConfigurer implements WebMvcConfigurer {

        private final List<HandlerMethodArgumentResolver> argumentResolvers;
        private final HttpMessageConverter<?> jsonConverter;
        private final HandlerExceptionResolver problemResolver;
        private final String basePath;
        private final CorsConfiguration cors;

        MessagingWebMvcConfigurer(List<HandlerMethodArgumentResolver> argumentResolvers,
                                  HttpMessageConverter<?> jsonConverter, HandlerExceptionResolver problemResolver,
                                  String basePath, CorsConfiguration cors) {
            this.argumentResolvers = List.copyOf(argumentResolvers);
            this.jsonConverter = jsonConverter;
            this.problemResolver = problemResolver;
            this.basePath = basePath;
            this.cors = cors;
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.addAll(argumentResolvers);
        }

        /** For applications without Spring Security; with it, the security chain answers CORS first. */
        @Override
        public void addCorsMappings(CorsRegistry registry) {
            if (cors != null) {
                registry.addMapping(basePath + "/**").combine(cors);
            }
        }

        @Override
        public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
            converters.add(0, jsonConverter);
        }

        @Override
        public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
            resolvers.add(0, problemResolver);
        }
    }
}
