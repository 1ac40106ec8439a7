package io.clientportal.messaging.model;

import io.clientportal.messaging.InvalidInputException;

/**
 * How one person wants to be told about unread messages.
 *
 * @param mode        off, each batch after the delay, or a digest
 * @param digestHours for {@link Mode#DIGEST}, the hours between two digests (1 to 168); 0 otherwise
 */
public record NotificationPreferences(Mode mode, int digestHours) {

    /** The most hours between two digests: a week. */
    public static final int MAX_DIGEST_HOURS = 168;

    /** How a person is told. */
    public enum Mode {
        /** Never. */
        OFF,
        /** One notification for what stayed unread for the delay, at most one per interval. */
        EACH,
        /** One notification every {@code digestHours} at most, for everything unread since the last one. */
        DIGEST
    }

    public NotificationPreferences {
        if (mode == null) {
            throw new InvalidInputException("mode", "mode must be one of OFF, EACH, DIGEST");
        }
        if (mode == Mode.DIGEST && (digestHours < 1 || digestHours > MAX_DIGEST_HOURS)) {
            throw new InvalidInputException("digestHours", "digestHours must be between 1 and " + MAX_DIGEST_HOURS
                    + " for a digest");
        }
        if (mode != Mode.DIGEST && digestHours != 0) {
            throw new InvalidInputException("digestHours", "digestHours is only for mode DIGEST");
        }
    }

    /** What a person has until they choose: EACH. */
    public static NotificationPreferences defaults() {
        return new NotificationPreferences(Mode.EACH, 0);
    }

    /** Never told. */
    public static NotificationPreferences off() {
        return new NotificationPreferences(Mode.OFF, 0);
    }

    /** Told of each batch after the delay. */
    public static NotificationPreferences each() {
        return defaults();
    }

    /** A digest every {@code hours} hours. */
    public static NotificationPreferences digest(int hours) {
        return new NotificationPreferences(Mode.DIGEST, hours);
    }
}
