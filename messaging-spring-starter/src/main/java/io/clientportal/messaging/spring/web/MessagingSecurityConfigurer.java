package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.spring.MessagingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;

import java.util.List;
import java.util.Objects;

/**
 * The messaging API's rules, applied in a chain of the host's own:
 * <pre>{@code
 * @Bean
 * SecurityFilterChain portal(HttpSecurity http) throws Exception {
 *     http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
 *         .formLogin(Customizer.withDefaults())
 *         .with(MessagingSecurityConfigurer.messaging(), Customizer.withDefaults());
 *     return http.build();
 * }
 * }</pre>
 * For requests under the API's base path (and only those) it:
 * <ul>
 *   <li>answers failures as problem details: 401 without (valid) credentials, 403 for a refused caller or a missing
 *       CSRF token, whatever the chain's entry point is for the host's pages (a login redirect, say); such a request
 *       is never saved as the page to go back to after login;</li>
 *   <li>takes the API out of the host's CSRF protection and applies its own after authentication: writes
 *       authenticated by a cookie session (or Basic) need the {@code XSRF-TOKEN} cookie's value in
 *       {@code X-XSRF-TOKEN}; writes authenticated by a bearer token need none;</li>
 *   <li>answers CORS from {@code messaging.web.cors.*} (preflights before authentication), when origins are
 *       listed;</li>
 *   <li>adds bearer JWT authentication when the application has a {@code JwtDecoder} bean or
 *       {@code messaging.web.security.jwt.issuers} lists trusted issuers, unless the chain has a resource server
 *       already ({@link #jwt(boolean)});</li>
 *   <li>adds HTTP Basic when {@code messaging.web.security.basic=true} ({@link #httpBasic(boolean)}), unless the chain
 *       has it already.</li>
 * </ul>
 * The host's authorisation rules, session management and login stay as the host wrote them; the API answers 401 to
 * a caller who is not signed in even where the host's rules permit the path. Settings not given here are read from
 * the {@code messaging.*} properties.
 */
public final class MessagingSecurityConfigurer
        extends AbstractHttpConfigurer<MessagingSecurityConfigurer, HttpSecurity> {

    private String basePath;
    private Boolean basic;
    private Boolean jwt;
    private String csrfCookieSameSite;
    private ProblemWriter problemWriter;

    private ApiRequestMatcher api;
    private SecurityProblems problems;
    private CorsConfiguration cors;
    private String sameSite;

    /** Use {@link #messaging()}. */
    public MessagingSecurityConfigurer() {
    }

    /** The configurer, with every setting from the {@code messaging.*} properties. */
    public static MessagingSecurityConfigurer messaging() {
        return new MessagingSecurityConfigurer();
    }

    /** The API's base path; default {@code messaging.web.base-path}. */
    public MessagingSecurityConfigurer basePath(String basePath) {
        this.basePath = Objects.requireNonNull(basePath, "basePath must not be null");
        return this;
    }

    /** Whether HTTP Basic is added to the chain; default {@code messaging.web.security.basic}. */
    public MessagingSecurityConfigurer httpBasic(boolean enabled) {
        this.basic = enabled;
        return this;
    }

    /**
     * Whether bearer JWTs are added to the chain (when there is a {@code JwtDecoder} bean or trusted issuers); default
     * {@code messaging.web.security.jwt.enabled}.
     */
    public MessagingSecurityConfigurer jwt(boolean enabled) {
        this.jwt = enabled;
        return this;
    }

    /** The {@code SameSite} attribute of the {@code XSRF-TOKEN} cookie; default from the properties. */
    public MessagingSecurityConfigurer csrfCookieSameSite(String sameSite) {
        this.csrfCookieSameSite = Objects.requireNonNull(sameSite, "sameSite must not be null");
        return this;
    }

    /** How problems are written; default the application's {@link ProblemWriter} bean. */
    public MessagingSecurityConfigurer problemWriter(ProblemWriter problemWriter) {
        this.problemWriter = Objects.requireNonNull(problemWriter, "problemWriter must not be null");
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        MessagingProperties properties = bean(context, MessagingProperties.class);
        if (properties == null) {
            properties = new MessagingProperties();
        }
        ProblemWriter writer = problemWriter != null ? problemWriter : bean(context, ProblemWriter.class);
        if (writer == null) {
            writer = new ProblemWriter(new MessagingJson(), List.of());
        }
        MessagingProperties.Security security = properties.getWeb().getSecurity();
        api = new ApiRequestMatcher(basePath != null ? basePath : properties.getWeb().getBasePath());
        boolean useBasic = basic != null ? basic : security.isBasic();
        List<String> issuers = security.getJwt().getIssuers().stream().filter(i -> i != null && !i.isBlank())
                .toList();
        boolean addJwt = (jwt != null ? jwt : security.getJwt().isEnabled())
                && JwtResourceServer.configured(context, issuers) && !JwtResourceServer.onChain(http);
        problems = new SecurityProblems(writer, useBasic || http.getConfigurer(HttpBasicConfigurer.class) != null,
                addJwt || JwtResourceServer.onChain(http));
        sameSite = csrfCookieSameSite != null ? csrfCookieSameSite : security.getCsrfCookieSameSite();
        cors = MessagingCors.configuration(properties.getWeb().getCors());

        CsrfConfigurer<HttpSecurity> hostCsrf = http.getConfigurer(CsrfConfigurer.class);
        if (hostCsrf != null) {
            // The API has its own check, after authentication (ApiCsrfFilter).
            hostCsrf.ignoringRequestMatchers(api);
        }
        if (useBasic && http.getConfigurer(HttpBasicConfigurer.class) == null) {
            BasicAuthenticationEntryPoint others = new BasicAuthenticationEntryPoint();
            others.setRealmName("messaging");
            AuthenticationEntryPoint apiEntryPoint = problems.entryPoint();
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint((request, response, exception) ->
                    (api.matches(request) ? apiEntryPoint : others).commence(request, response, exception)));
        }
        if (addJwt) {
            JwtResourceServer.configure(http, issuers, api, problems.entryPoint(), problems.accessDeniedHandler());
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        if (cors != null) {
            CorsFilter corsFilter = new CorsFilter(MessagingCors.source(api.basePath(), cors));
            corsFilter.setBeanName("messagingCorsFilter");
            http.addFilterBefore(corsFilter, CsrfFilter.class);
        }
        http.addFilterAfter(new ApiCsrfFilter(api, sameSite, problems.accessDeniedHandler()),
                AnonymousAuthenticationFilter.class);
        http.addFilterAfter(new ApiSecurityProblemsFilter(api, problems), ExceptionTranslationFilter.class);
    }

    private static <T> T bean(ApplicationContext context, Class<T> type) {
        if (context == null) {
            return null;
        }
        ObjectProvider<T> provider = context.getBeanProvider(type);
        return provider.getIfUnique();
    }
}
