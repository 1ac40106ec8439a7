package io.clientportal.messaging.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * a request without valid credentials is answered 401 and only an authenticated one without the token 403. The cookie
 * is issued on every API answer, so a client has it before its first write. Requests outside the API are left to
 * the host's own CSRF protection.
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
        this.csrf.setRequestHandler(new CookieIssuingTokenHandler());
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
     * Loads the deferred token on every request, so its cookie is always (re)issued. The token travels raw in the
     * header (it is the cookie's value), so it is resolved as is: the API renders no forms needing its masked form.
     */
    private static final class CookieIssuingTokenHandler extends CsrfTokenRequestAttributeHandler {

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            super.handle(request, response, token);
            token.get();
        }
    }
}
