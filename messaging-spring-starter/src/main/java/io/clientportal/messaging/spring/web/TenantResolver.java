package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * Which tenant an API request (or event stream) acts in: the REST and SSE API then serves
 * {@code messaging.tenant(resolved)}, and no request sees another tenant's conversations, events, attachments or
 * counts. Declare a bean of this type to replace the default, which {@code messaging.web.tenant.header},
 * {@code messaging.web.tenant.jwt-claim} or, with neither, {@code messaging.tenant} decides.
 * <p>
 * A request whose tenant can't be resolved (empty, or an id the engine refuses) is answered 401 problem: the tenant
 * is part of who the caller is, and a caller whose credentials name none is not authenticated for this API.
 */
@FunctionalInterface
public interface TenantResolver {

    /**
     * Called once per request, after authentication (the principal is {@code request.getUserPrincipal()}, which is
     * {@code null} for a caller who is not signed in).
     *
     * @param request the API request, never {@code null}
     * @return the tenant id, or empty when the request names none
     */
    Optional<String> resolve(HttpServletRequest request);

    /** Every request acts in {@code tenantId}. */
    static TenantResolver fixed(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Optional<String> tenant = Optional.of(tenantId);
        return request -> tenant;
    }

    /**
     * The tenant is the value of a request header that a trusted gateway in front of the application sets (and
     * strips from what clients send): the header is trusted as is.
     */
    static TenantResolver header(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return request -> Optional.ofNullable(request.getHeader(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * The tenant is a claim of the bearer token that authenticated the request (a JWT, or an introspected token);
     * requests authenticated otherwise (a session, Basic) name no tenant.
     */
    static TenantResolver jwtClaim(String claim) {
        Objects.requireNonNull(claim, "claim must not be null");
        return request -> Optional.ofNullable(TokenPrincipals.claim(request.getUserPrincipal(), claim));
    }
}
