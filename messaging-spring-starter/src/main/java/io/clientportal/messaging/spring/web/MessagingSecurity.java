package io.clientportal.messaging.spring.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

import java.util.function.Supplier;

/**
 * The filter chain that secures the messaging API: every request must be authenticated (a session login of the
 * host, or HTTP Basic); state-changing requests need the CSRF token, which is handed out as the {@code XSRF-TOKEN}
 * cookie on every answer and sent back in the {@code X-XSRF-TOKEN} header (what Angular, axios and similar clients
 * do by themselves). Both credentials are ones a browser adds by itself, so no request is exempt: a host that
 * authenticates API clients with bearer tokens declares its own {@code messagingSecurityFilterChain} with
 * {@code oauth2ResourceServer()}, whose requests are then authenticated by the token alone.
 * <p>
 * The CSRF check runs after authentication, so that a request without valid credentials is answered 401 (as API.md
 * says) and only an authenticated one without the token 403. The chain never creates a server session: anonymous
 * and failed requests leave nothing behind (no saved request, no session). Failures are problem details.
 */
public final class MessagingSecurity {

    private MessagingSecurity() {
    }

    /** Builds the chain for {@code basePath/**}, with the CSRF cookie {@code SameSite=Lax}. */
    public static SecurityFilterChain filterChain(HttpSecurity http, String basePath, ProblemWriter problems)
            throws Exception {
        return filterChain(http, basePath, "Lax", problems);
    }

    /**
     * Builds the chain for {@code basePath/**}.
     *
     * @param csrfCookieSameSite the {@code SameSite} attribute of the {@code XSRF-TOKEN} cookie
     */
    public static SecurityFilterChain filterChain(HttpSecurity http, String basePath, String csrfCookieSameSite,
                                                  ProblemWriter problems) throws Exception {
        String path = MessagingWebConfiguration.normalise(basePath);
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"messaging\"");
            }
            problems.write(request, response, Problem.of(401, HttpStatus.UNAUTHORIZED.getReasonPhrase(),
                    "authentication is required", null), "unauthenticated");
        };
        AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
        AccessDeniedHandler denied = (request, response, exception) -> {
            if (exception instanceof CsrfException
                    && !trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                // Nobody is signed in: what the caller must fix first is its credentials, not the token.
                unauthenticated.commence(request, response, new InsufficientAuthenticationException(
                        "authentication is required"));
                return;
            }
            problems.write(request, response,
                    Problem.of(403, HttpStatus.FORBIDDEN.getReasonPhrase(), exception instanceof CsrfException
                            ? "the CSRF token is missing or wrong: send the XSRF-TOKEN cookie's value in the "
                            + "X-XSRF-TOKEN header" : "access denied", null),
                    exception instanceof CsrfException ? "csrf" : "denied");
        };
        http.securityMatcher(path + "/**")
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                // Spring's CSRF filter runs before authentication; ours, below, runs after it.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(csrfFilter(csrfCookieSameSite, denied), BasicAuthenticationFilter.class)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * The cookie-to-header CSRF check: the token travels raw in the header (it is the cookie's value), so it is
     * resolved as is (the API renders no forms that would need its masked form), and the cookie is issued on every
     * answer, so that a client has it before its first write.
     */
    private static CsrfFilter csrfFilter(String sameSite, AccessDeniedHandler denied) {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite(sameSite));
        CsrfFilter filter = new CsrfFilter(tokens);
        filter.setRequestHandler(new CookieIssuingTokenHandler());
        filter.setAccessDeniedHandler(denied);
        return filter;
    }

    /** Loads the deferred CSRF token on every request, so its cookie is always (re)issued. */
    private static final class CookieIssuingTokenHandler extends CsrfTokenRequestAttributeHandler {

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            super.handle(request, response, token);
            token.get();
        }
    }
}
