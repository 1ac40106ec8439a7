package io.clientportal.messaging.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Makes time-ordered UUIDs (RFC 9562 version 7): sortable by creation time, index-friendly, unguessable. */
final class Ids {

    /**
     * A generator per thread: the platform default reads the operating system's source under one lock, which
     * posting threads queued on; a DRBG instance per thread is as unguessable and never contended.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newRandom);

    private final Clock clock;

    Ids(Clock clock) {
        this.clock = clock;
    }

    UUID next() {
        long millis = clock.millis();
        SecureRandom random = RANDOM.get();
        long randA = random.nextInt(1 << 12);
        long most = (millis << 16) | (0x7L << 12) | randA;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
