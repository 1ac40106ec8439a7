package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.util.Objects;

/**
 * The API's answers to security failures, as problem details: 401 for a request without (valid) credentials, with the
 * challenges of the mechanisms in use ({@code Bearer}, {@code Basic} unless the client said
 * {@code X-Requested-With}, so that browsers show no password prompt), and 403 for a signed-in caller refused, or
 * without the CSRF token. A CSRF failure of a caller who is not signed in is a 401: the credentials are what to fix
 * first.
 */
final class SecurityProblems {

    private static final String OAUTH2_AUTHENTICATION_EXCEPTION =
            "org.springframework.security.oauth2.core.OAuth2AuthenticationException";

    private final ProblemWriter problems;
    private final boolean basicChallenge;
    private final boolean bearerChallenge;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    SecurityProblems(ProblemWriter problems, boolean basicChallenge, boolean bearerChallenge) {
        this.problems = Objects.requireNonNull(problems, "problems must not be null");
        this.basicChallenge = basicChallenge;
        this.bearerChallenge = bearerChallenge;
    }

    AuthenticationEntryPoint entryPoint() {
        return this::unauthenticated;
    }

    AccessDeniedHandler accessDeniedHandler() {
        return (request, response, exception) -> {
            if (!signedIn()) {
                // Nobody is signed in: what the caller must fix first is its credentials, not the token.
                unauthenticated(request, response, null);
                return;
            }
            boolean csrf = exception instanceof CsrfException;
            problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, csrf
                    ? "the CSRF token is missing or wrong: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN "
                    + "header" : "access denied"), csrf ? "csrf" : "denied");
        };
    }

    boolean signedIn() {
        return trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean badToken = exception != null && isOAuth2(exception);
        if (bearerChallenge || badToken) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, badToken
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        if (basicChallenge && request.getHeader("X-Requested-With") == null) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"messaging\"");
        }
        // The reason a token was refused (expired, wrong issuer, bad signature) is for the server's log, not for
        // whoever sent it.
        problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, badToken
                ? "the bearer token is invalid" : "authentication is required"), "unauthenticated");
    }

    private static boolean isOAuth2(AuthenticationException exception) {
        for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(OAUTH2_AUTHENTICATION_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    static boolean oauth2Present() {
        return ClassUtils.isPresent(OAUTH2_AUTHENTICATION_EXCEPTION, SecurityProblems.class.getClassLoader());
    }
}
