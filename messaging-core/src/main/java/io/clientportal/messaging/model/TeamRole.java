package io.clientportal.messaging.model;

/**
 * The role of a team member (the host's staff). Owners, admins and managers can open every conversation;
 * agents and watchers see the conversations they were added to.
 */
public enum TeamRole {
    OWNER, ADMIN, MANAGER, AGENT, WATCHER;

    /** Whether this role sees and manages every conversation of its tenant. */
    public boolean isManager() {
        return this == OWNER || this == ADMIN || this == MANAGER;
    }
}
