package io.clientportal.messaging.jpa;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether another instance listens on this store's channel, as {@link PostgresCommitSignals} hears it: an instance
 * that is alone sends no {@code NOTIFY} (nobody would hear it, and each one cost the database a transaction per
 * commit). Every listener says {@code hello} when it starts listening and {@code here} every {@link #HEARTBEAT}
 * after that; a listener that hears another's {@code hello} answers at once, so both sides know each other within
 * one round trip. A peer not heard from for {@link #TTL} is taken as gone: three heartbeats missed.
 *
 * <p>Deciding wrongly never loses an event: a relay that is not woken still polls. Thread-safe.
 */
final class PeerPresence {

    /** How often a listener tells the others it is there. */
    static final long HEARTBEAT = TimeUnit.SECONDS.toNanos(10);
    /** How long a peer counts as present after it was last heard. */
    static final long TTL = 3 * HEARTBEAT + TimeUnit.SECONDS.toNanos(5);

    private final LongSupplier nanoTime;
    private volatile boolean heard;
    private volatile long heardAt;

    PeerPresence(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Records that another instance spoke on the channel (a signal, a hello or a heartbeat). */
    void heard() {
        heardAt = nanoTime.getAsLong();
        heard = true;
    }

    /** Whether another instance was heard within {@link #TTL}. */
    boolean present() {
        return heard && nanoTime.getAsLong() - heardAt < TTL;
    }

    /** Whether a listener that last spoke at {@code spokeAt} (its clock) owes the others a heartbeat. */
    boolean heartbeatDue(long spokeAt) {
        return nanoTime.getAsLong() - spokeAt >= HEARTBEAT;
    }

    long now() {
        return nanoTime.getAsLong();
    }
}
