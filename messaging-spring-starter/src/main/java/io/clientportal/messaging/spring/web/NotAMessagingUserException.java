package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpStatus;

/** The principal is authenticated but the {@link ActorResolver} maps it to no actor. Answered 403. */
final class NotAMessagingUserException extends ApiErrorResponseException {

    NotAMessagingUserException() {
        super(HttpStatus.FORBIDDEN, "the signed-in user may not use messaging", "not_a_user");
    }
}
