package io.clientportal.messaging.spring.web;

import org.springdoc.core.filters.GlobalOpenApiMethodFilter;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Keeps springdoc-openapi from describing the messaging API's controllers from their signatures, in every document
 * and group: the API is described once, by its shipped document, which {@link MessagingOpenApiCustomizer} adds. A
 * controller missing here would show up twice in the host's document, which {@code SpringdocHttpTests} catches.
 */
public final class MessagingOpenApiMethodFilter implements GlobalOpenApiMethodFilter {

    private static final Set<Class<?>> CONTROLLERS = Set.of(MeController.class, ConversationController.class,
            MessageController.class, ParticipantController.class, AttachmentController.class,
            AnnouncementController.class, EventStreamController.class, OpenApiController.class,
            SearchController.class, SavedReplyController.class);

    @Override
    public boolean isMethodToInclude(Method method) {
        return !CONTROLLERS.contains(method.getDeclaringClass());
    }
}
