package io.clientportal.messaging.model;

/** A team member's access in one conversation. A watcher is always {@link #READ_ONLY} ("Read"). */
public enum Access {
    WRITE, READ_ONLY
}
