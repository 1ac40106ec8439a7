package io.clientportal.messaging.spring.web;

/** The principal is authenticated but the {@link ActorResolver} maps it to no actor. Answered 403. */
final class NotAMessagingUserException extends RuntimeException {

    NotAMessagingUserException() {
        super("the signed-in user may not use messaging", null, false, false);
    }
}
