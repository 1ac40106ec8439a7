package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Objects;

/**
 * Supplies the messaging controllers (and only them) with the engine's view of the request's tenant. A caller who is
 * not signed in is answered 401 before the tenant is looked at.
 */
final class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    private final RequestTenants tenants;

    TenantArgumentResolver(RequestTenants tenants) {
        this.tenants = Objects.requireNonNull(tenants, "tenants must not be null");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Messaging.class
                && parameter.getContainingClass().getPackageName().equals(getClass().getPackageName());
    }

    @Override
    public Messaging resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                     NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null || request.getUserPrincipal() == null) {
            throw new UnauthenticatedException();
        }
        return tenants.of(request);
    }
}
