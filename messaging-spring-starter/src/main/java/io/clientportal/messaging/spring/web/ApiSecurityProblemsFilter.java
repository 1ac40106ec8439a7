package io.clientportal.messaging.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.util.ThrowableAnalyzer;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sits right after the chain's {@code ExceptionTranslationFilter} and answers the API's authorisation failures itself,
 * as problem details, whatever entry point the host's chain has for its pages (a login redirect, a bare 401): an
 * unauthenticated API request gets a 401 problem and is never saved as the page to return to after login.
 */
final class ApiSecurityProblemsFilter extends OncePerRequestFilter {

    private final ApiRequestMatcher api;
    private final SecurityProblems problems;
    private final ThrowableAnalyzer analyzer = new ThrowableAnalyzer();

    ApiSecurityProblemsFilter(ApiRequestMatcher api, SecurityProblems problems) {
        this.api = api;
        this.problems = problems;
        setBeanName("messagingSecurityProblemsFilter");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !api.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Throwable[] causes = analyzer.determineCauseChain(e);
            RuntimeException security = (RuntimeException) analyzer.getFirstThrowableOfType(
                    AuthenticationException.class, causes);
            if (security == null) {
                security = (RuntimeException) analyzer.getFirstThrowableOfType(AccessDeniedException.class, causes);
            }
            if (security == null || response.isCommitted()) {
                throw e;
            }
            if (security instanceof AuthenticationException authentication) {
                problems.unauthenticated(request, response, authentication);
            } else {
                problems.accessDeniedHandler().handle(request, response, (AccessDeniedException) security);
            }
        }
    }
}
