package io.clientportal.messaging.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The API's CSRF check, after authentication: a state-changing request authenticated by a credential the browser
 * adds by itself (a session cookie, remembered Basic credentials) must send the {@code XSRF-TOKEN} cookie's value in
 * the {@code X-XSRF-TOKEN} header (what Angular, axios and similar clients do by themselves); one authenticated by a
 * bearer token it carries itself needs none, as nothing ambient vouches for it. Running after authentication means
 * a request without valid credentials is answered 401 and only an authenticated one without the token 403. The token
 * is made lazily ({@link LazyTokenHandler}): a cookie-less read costs neither a token nor a {@code Set-Cookie}.
 * Requests outside the API are left to the host's own CSRF protection.
 */
final class ApiCsrfFilter extends OncePerRequestFilter {

    private final ApiRequestMatcher api;
    private final CsrfFilter csrf;

    ApiCsrfFilter(ApiRequestMatcher api, String cookieSameSite, AccessDeniedHandler denied) {
        this.api = api;
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite(cookieSameSite));
        this.csrf = new CsrfFilter(tokens);
        // Its own name: the host's CsrfFilter, earlier in the same chain, must not make this one look done already.
        this.csrf.setBeanName("messagingCsrfFilter");
        this.csrf.setRequestHandler(new LazyTokenHandler(api));
        this.csrf.setAccessDeniedHandler(denied);
        this.csrf.setRequireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && !TokenPrincipals.isToken(SecurityContextHolder.getContext().getAuthentication())
                // One-click unsubscribe comes from a mail client, cross-site by design: its signed token is the check.
                && !ApiPaths.isUnsubscribe(request.getRequestURI(), request.getContextPath(), api.basePath())
                // Inbound mail comes from a mail provider: its shared secret is the check.
                && !ApiPaths.isInboundMail(request.getRequestURI(), request.getContextPath(), api.basePath()));
        setBeanName("messagingApiCsrfFilter");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !api.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        csrf.doFilter(request, response, chain);
    }

    /**
     * Makes the token only where an answer needs it, as Spring Security's deferred tokens are meant to be used: a
     * request the check applies to (a write) loads it to compare (a write without the cookie is refused 403, and
     * its answer brings a new cookie to retry with); of the others only {@code GET /me}, a client's first call,
     * issues it, and only to a caller authenticated by something ambient (a session, Basic): a bearer token's
     * writes need none. A request that sends the cookie reads its token back: nothing is made or written then. The
     * token travels raw in the header (it is the cookie's value), so it is resolved as is: the API renders no forms
     * needing its masked form.
     */
    private static final class LazyTokenHandler extends CsrfTokenRequestAttributeHandler {

        private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

        private final ApiRequestMatcher api;

        LazyTokenHandler(ApiRequestMatcher api) {
            this.api = api;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            super.handle(request, response, token);
            if (issues(request)) {
                token.get();
            }
        }

        private boolean issues(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod())
                    || !ApiPaths.isMe(request.getRequestURI(), request.getContextPath(), api.basePath())) {
                return false;
            }
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            return TRUST.isAuthenticated(caller) && !TokenPrincipals.isToken(caller);
        }
    }
}
