package io.clientportal.messaging;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A receiver of webhooks: every committed event of the listed types (all types when none are listed) is POSTed to
 * {@code url} as JSON, signed with {@code secret} by the Standard Webhooks scheme (see {@link WebhookSignature}).
 * Every application instance on one database must configure the same endpoints; a delivery is kept under the
 * endpoint's {@code name} (by default its URL).
 *
 * @param name   identifies the endpoint's deliveries in the store, not blank
 * @param url    where to POST, {@code http} or {@code https}
 * @param secret the signing secret: {@code whsec_} followed by base64 (the Standard Webhooks form), or any other
 *               text, whose UTF-8 bytes are then the key; not blank
 * @param events the event type names to send (for example {@code MessagePosted}); empty for all
 */
public record WebhookEndpoint(String name, URI url, String secret, Set<String> events) {

    public WebhookEndpoint {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(url, "url must not be null");
        Objects.requireNonNull(secret, "secret must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("url must be http or https");
        }
        events = Set.copyOf(Objects.requireNonNull(events, "events must not be null"));
    }

    /** An endpoint for every event type, named by its URL. */
    public static WebhookEndpoint of(String url, String secret) {
        return new WebhookEndpoint(url, URI.create(Objects.requireNonNull(url, "url must not be null")), secret,
                Set.of());
    }

    /** The same endpoint, for the given event types only. */
    public WebhookEndpoint forEvents(String... types) {
        return new WebhookEndpoint(name, url, secret, Set.of(types));
    }

    /** Whether events of this type go to this endpoint. */
    public boolean accepts(String eventType) {
        return events.isEmpty() || events.contains(eventType);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[name=" + name + ", url=" + url + ", events=" + events + "]";   // never the secret
    }
}
