package io.clientportal.messaging.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Who delivers an announcement, and until when other nodes keep off it. The holder renews it with every chunk it
 * delivers; once {@code until} has passed without a renewal, any node may take the announcement over.
 *
 * @param owner the holding node's token, never {@code null}
 * @param until when the lease runs out unless renewed, never {@code null}
 */
public record AnnouncementLease(String owner, Instant until) {

    public AnnouncementLease {
        Objects.requireNonNull(owner, "owner must not be null");
        Objects.requireNonNull(until, "until must not be null");
    }

    /** Whether {@code owner} holds this lease. */
    public boolean heldBy(String owner) {
        return this.owner.equals(owner);
    }
}
