package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.security.Principal;
import java.util.Objects;

/**
 * Supplies the calling {@link Actor} to the messaging controllers (and only to them): the request's principal
 * through the {@link ActorResolver}, in the request's tenant. No principal: 401; no tenant: 401; a principal the
 * resolver rejects: 403.
 */
final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final ActorResolver actorResolver;
    private final RequestTenants tenants;

    ActorArgumentResolver(ActorResolver actorResolver, RequestTenants tenants) {
        this.actorResolver = Objects.requireNonNull(actorResolver, "actorResolver must not be null");
        this.tenants = Objects.requireNonNull(tenants, "tenants must not be null");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class
                && parameter.getContainingClass().getPackageName().equals(getClass().getPackageName());
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                 NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        // Spring Security's request wrapper answers null for anonymous authentication, as the container does.
        Principal principal = request == null ? null : request.getUserPrincipal();
        if (principal == null) {
            throw new UnauthenticatedException();
        }
        return actorResolver.resolve(principal, tenants.of(request)).orElseThrow(NotAMessagingUserException::new);
    }
}
