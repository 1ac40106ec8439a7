package io.clientportal.messaging.spring.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The filter chain that secures the messaging API: every request must be authenticated (a session login of the
 * host, or HTTP Basic); state-changing requests of browser sessions need the CSRF token, which is handed out as the
 * {@code XSRF-TOKEN} cookie on every answer and sent back in the {@code X-XSRF-TOKEN} header (what Angular, axios
 * and similar clients do by themselves). Requests that carry a bearer token are not CSRF-prone and need none.
 * Failures are problem details: 401 unauthenticated, 403 missing or wrong CSRF token.
 */
public final class MessagingSecurity {

    private MessagingSecurity() {
    }

    /** Builds the chain for {@code basePath/**}. */
    public static SecurityFilterChain filterChain(HttpSecurity http, String basePath, ProblemWriter problems)
            throws Exception {
        String path = MessagingWebConfiguration.normalise(basePath);
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"messaging\"");
            }
            problems.write(request, response, Problem.of(401, HttpStatus.UNAUTHORIZED.getReasonPhrase(),
                    "authentication is required", null), "unauthenticated");
        };
        AccessDeniedHandler denied = (request, response, exception) -> problems.write(request, response,
                Problem.of(403, HttpStatus.FORBIDDEN.getReasonPhrase(), exception instanceof CsrfException
                        ? "the CSRF token is missing or wrong: send the XSRF-TOKEN cookie's value in the "
                        + "X-XSRF-TOKEN header" : "access denied", null),
                exception instanceof CsrfException ? "csrf" : "denied");
        RequestMatcher bearer = request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        http.securityMatcher(path + "/**")
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(bearer))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    /** Loads the deferred CSRF token on every request, so its cookie is always (re)issued. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
