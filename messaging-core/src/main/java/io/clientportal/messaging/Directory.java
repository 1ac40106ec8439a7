package io.clientportal.messaging;

import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ClientAccount;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;

import java.util.Optional;

/**
 * Trusted synchronisation from the host application, which owns its users. These calls take no actor: the host
 * calls them when its own data changes.
 */
public interface Directory {

    /**
     * Creates or updates a team member. Demoting an agent to watcher turns their access everywhere to read-only.
     */
    TeamMember upsertTeamMember(String id, String displayName, TeamRole role);

    /** Removes a team member: they leave every conversation; the messages they wrote stay. Unknown ids: no-op. */
    void removeTeamMember(String id);

    /**
     * Creates a client account and its one conversation. Idempotent: calling it again returns the same
     * conversation (and updates the name).
     *
     * @throws ConflictException if the account exists with another kind
     */
    Conversation createClientAccount(String accountId, String name, AccountKind kind);

    /**
     * Adds a user to a client account, or renames an existing one.
     *
     * @throws ConflictException if an individual account already has another user, or the user belongs to
     *                           another account
     * @throws NotFoundException if the account does not exist
     */
    ClientUser addClientUser(String accountId, String userId, String displayName);

    /** Removes a client user; their messages stay. Unknown ids: no-op. */
    void removeClientUser(String userId);

    /** Deletes a client account with its conversation and everything in it. Unknown ids: no-op. */
    void deleteClientAccount(String accountId);

    /**
     * A team member by id, as authorisation sees them: from the cache of members it keeps, so asking for every
     * request costs no database read. This instance's own writes show at once; another instance's as soon as the
     * event relay has delivered their events.
     */
    Optional<TeamMember> teamMember(String id);

    /** A client account by id. */
    Optional<ClientAccount> clientAccount(String accountId);

    /** A client user by id. */
    Optional<ClientUser> clientUser(String userId);
}
