package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.Actor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed one-click unsubscribe tokens: who (tenant and person) and until when, with an HMAC-SHA256 over both, so
 * a link can only be made by who holds the secret and names only the person it was sent to.
 */
public final class UnsubscribeTokens {

    /** The shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token names. */
    public record Subject(String tenantId, Actor actor) {
    }

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException for a secret shorter than {@link #MIN_SECRET_LENGTH}
     */
    public UnsubscribeTokens(String secret, Duration ttl, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("messaging.notifications.signing-secret must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = Objects.requireNonNull(ttl, "ttl must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** A token for this person, valid for the configured time. */
    public String issue(String tenantId, Actor actor) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = String.join("\n", "v1", tenantId, actor.kind().name(), actor.id(), Long.toString(expires));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(mac(body));
    }

    /** Who the token names, if it is genuine and not expired; empty for anything else (never throws). */
    public Optional<Subject> verify(String token) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] body = DECODER.decode(token.substring(0, dot));
            // The whole token compared with the one issued for its body, as text: Base64 ignores a last
            // character's spare bits, so comparing decoded bytes took a link altered there for the genuine one.
            String genuine = ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(mac(body));
            if (!MessageDigest.isEqual(genuine.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 5 || !"v1".equals(parts[0])) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[4])))) {
                return Optional.empty();
            }
            return Optional.of(new Subject(parts[1], new Actor(Actor.Kind.valueOf(parts[2]), parts[3])));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
