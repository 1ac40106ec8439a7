package io.clientportal.messaging;

import io.clientportal.messaging.model.ConversationId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed reply-by-email tokens: a notification's {@code Reply-To} address carries one, naming the tenant, the person
 * and the conversation a reply is posted into, and until when it is valid, with an HMAC-SHA256 (truncated to 128
 * bits) over all of it. The token is lower-case base32 (letters and the digits 2 to 7), so it survives mail systems
 * that change the case of an address, and is about 80 characters for short ids (longer than RFC 5321's 64 for a
 * local part, which common mail servers accept). Thread-safe.
 */
public final class ReplyTokens {

    /** The shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** How long a token is valid unless told otherwise: 30 days. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 1024;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    /**
     * What a genuine, unexpired token names.
     *
     * @param tenantId       never {@code null}
     * @param actor          who replies, never {@code null}
     * @param conversationId where the reply goes, never {@code null}
     */
    public record Subject(String tenantId, Actor actor, ConversationId conversationId) {

        public Subject {
            Objects.requireNonNull(tenantId, "tenantId must not be null");
            Objects.requireNonNull(actor, "actor must not be null");
            Objects.requireNonNull(conversationId, "conversationId must not be null");
        }
    }

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param secret at least {@link #MIN_SECRET_LENGTH} characters
     * @param ttl    how long a token is valid, positive
     * @param clock  what decides expiry
     * @throws IllegalArgumentException for a short secret or a ttl that is not positive
     */
    public ReplyTokens(String secret, Duration ttl, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the reply signing secret must have at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        Objects.requireNonNull(ttl, "ttl must not be null");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        // Its own key, derived: a reply token can never pass for another signed token made with the same secret.
        this.secret = ("reply-tokens\n" + secret).getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** A token for this person's replies into this conversation, valid for the configured time. */
    public String issue(String tenantId, Actor actor, ConversationId conversationId) {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(conversationId, "conversationId must not be null");
        byte[] tenant = tenantId.getBytes(StandardCharsets.UTF_8);
        byte[] id = actor.id().getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1 + 8 + 16 + 1 + 2 + tenant.length + id.length);
        body.put(VERSION).putLong(clock.instant().plus(ttl).getEpochSecond());
        UUID conversation = conversationId.value();
        body.putLong(conversation.getMostSignificantBits()).putLong(conversation.getLeastSignificantBits());
        body.put((byte) (actor.isTeamMember() ? 'T' : 'C')).putShort((short) tenant.length).put(tenant).put(id);
        byte[] payload = body.array();
        ByteArrayOutputStream token = new ByteArrayOutputStream();
        token.writeBytes(payload);
        token.writeBytes(mac(payload));
        return encode(token.toByteArray());
    }

    /** What the token names, if it is genuine and not expired; empty for anything else (never throws). */
    public Optional<Subject> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] all = decode(token.toLowerCase(Locale.ROOT));
            if (all == null || all.length < 1 + 8 + 16 + 1 + 2 + MAC_BYTES) {
                return Optional.empty();
            }
            byte[] payload = Arrays.copyOfRange(all, 0, all.length - MAC_BYTES);
            byte[] signature = Arrays.copyOfRange(all, all.length - MAC_BYTES, all.length);
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            ByteBuffer body = ByteBuffer.wrap(payload);
            if (body.get() != VERSION) {
                return Optional.empty();
            }
            long expires = body.getLong();
            if (!clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
                return Optional.empty();
            }
            ConversationId conversation = new ConversationId(new UUID(body.getLong(), body.getLong()));
            byte kind = body.get();
            int tenantLength = body.getShort() & 0xffff;
            byte[] tenant = new byte[tenantLength];
            body.get(tenant);
            byte[] id = new byte[body.remaining()];
            body.get(id);
            String actorId = new String(id, StandardCharsets.UTF_8);
            Actor actor = kind == 'T' ? Actor.teamMember(actorId) : kind == 'C' ? Actor.clientUser(actorId) : null;
            if (actor == null) {
                return Optional.empty();
            }
            return Optional.of(new Subject(new String(tenant, StandardCharsets.UTF_8), actor, conversation));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * The bytes, or {@code null} for a character outside the alphabet or a text {@link #encode} would not write: the
     * last character carries bits past the last byte, and a decoder that ignored them would take several texts for
     * one token, so a token altered in its last character could still verify.
     */
    private static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            return null;
        }
        return out.toByteArray();
    }
}
