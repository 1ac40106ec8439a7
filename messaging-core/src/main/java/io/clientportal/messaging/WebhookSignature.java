package io.clientportal.messaging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhooks by the Standard Webhooks scheme: the headers {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature} ({@code v1,} and the base64 HMAC-SHA256 of
 * {@code id + "." + timestamp + "." + body}; several space-separated signatures are allowed). For receivers:
 *
 * <pre>{@code
 * boolean genuine = WebhookSignature.verify(secret, request.header("webhook-id"),
 *         request.header("webhook-timestamp"), bodyAsString, request.header("webhook-signature"));
 * }</pre>
 *
 * The secret is {@code whsec_} followed by base64 (the key's bytes), or any other text, whose UTF-8 bytes are the
 * key.
 */
public final class WebhookSignature {

    /** How far a timestamp may be from now for {@link #verify(String, String, String, String, String)}. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header value for a message. */
    public static String sign(String secret, String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestamp + "." + body));
    }

    /**
     * Whether the signature header holds a valid signature of this message and the timestamp is within
     * {@link #DEFAULT_TOLERANCE} of now (older messages may be replays). Never throws for malformed input.
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) {
        return verify(secret, id, timestamp, body, signatureHeader, DEFAULT_TOLERANCE, Instant.now());
    }

    /** As {@link #verify(String, String, String, String, String)}, with the tolerance and the current time given. */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader,
                                 Duration tolerance, Instant now) {
        Objects.requireNonNull(secret, "secret must not be null");
        if (id == null || timestamp == null || body == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        // Compared as text, not as decoded bytes: Base64 ignores a last character's spare bits, so a decoded
        // comparison would accept a signature altered in its last character.
        byte[] expected = sign(secret, id, seconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        byte[] key = secret.startsWith(PREFIX) ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
