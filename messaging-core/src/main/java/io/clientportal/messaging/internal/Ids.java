package io.clientportal.messaging.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Makes time-ordered UUIDs (RFC 9562 version 7): sortable by creation time, index-friendly, unguessable. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    Ids(Clock clock) {
        this.clock = clock;
    }

    UUID next() {
        long millis = clock.millis();
        long randA = RANDOM.nextInt(1 << 12);
        long most = (millis << 16) | (0x7L << 12) | randA;
        long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
