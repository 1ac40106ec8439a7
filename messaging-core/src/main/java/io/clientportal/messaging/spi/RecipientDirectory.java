package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the host tells how to reach a person: the messaging directory holds no addresses. Implemented by the host
 * (the Spring Boot starter uses a bean of this type).
 */
public interface RecipientDirectory {

    /** A directory that knows no one: notifications then carry no address. */
    RecipientDirectory NONE = (tenantId, actor) -> Optional.empty();

    /**
     * The person's email address, if the host has one.
     *
     * @param tenantId never {@code null}
     * @param actor    never {@code null}
     * @return never {@code null}
     */
    Optional<String> emailOf(String tenantId, Actor actor);

    /** The person's language, if the host knows it; the default knows none. */
    default Optional<Locale> localeOf(String tenantId, Actor actor) {
        return Optional.empty();
    }
}
