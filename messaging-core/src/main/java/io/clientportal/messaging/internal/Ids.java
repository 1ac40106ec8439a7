package io.clientportal.messaging.internal;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Makes time-ordered UUIDs (RFC 9562 version 7): sortable by creation time, index-friendly, unguessable. */
final class Ids {

    /**
     * A generator per thread: the platform default reads the operating system's source under one lock, which
     * posting threads queued on; a DRBG instance per thread is as unguessable and never contended. Its output is
     * taken a buffer at a time: each call to a DRBG costs several hashes whatever it returns, so two calls per id
     * (for 74 random bits) cost more than the rest of making it.
     */
    private static final ThreadLocal<RandomLongs> RANDOM = ThreadLocal.withInitial(RandomLongs::new);

    private final Clock clock;

    Ids(Clock clock) {
        this.clock = clock;
    }

    UUID next() {
        long millis = clock.millis();
        RandomLongs random = RANDOM.get();
        long randA = random.next() & 0xFFF;
        long most = (millis << 16) | (0x7L << 12) | randA;
        long least = (random.next() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** A thread's DRBG output, read 64 bits at a time from a buffer refilled by one call. */
    private static final class RandomLongs {
        private final SecureRandom random = newRandom();
        private final ByteBuffer buffer = ByteBuffer.allocate(512).position(512);

        long next() {
            if (!buffer.hasRemaining()) {
                random.nextBytes(buffer.array());
                buffer.clear();
            }
            return buffer.getLong();
        }
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
