package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

/** The tenant view of the engine that a request acts in, resolved once per request. */
final class RequestTenants {

    private static final String ATTRIBUTE = RequestTenants.class.getName() + ".TENANT";

    private final Messaging messaging;
    private final TenantResolver resolver;

    RequestTenants(Messaging messaging, TenantResolver resolver) {
        this.messaging = Objects.requireNonNull(messaging, "messaging must not be null");
        this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
    }

    /** @throws UnknownTenantException when the request names no tenant, or one the engine refuses */
    Messaging of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Messaging tenant) {
            return tenant;
        }
        String id = resolver.resolve(request).orElseThrow(UnknownTenantException::new);
        Messaging tenant;
        try {
            tenant = id.equals(messaging.tenantId()) ? messaging : messaging.tenant(id);
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw new UnknownTenantException();
        }
        request.setAttribute(ATTRIBUTE, tenant);
        return tenant;
    }
}
