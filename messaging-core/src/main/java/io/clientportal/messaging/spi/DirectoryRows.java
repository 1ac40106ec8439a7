package io.clientportal.messaging.spi;

import java.util.List;
import java.util.Optional;

/**
 * The directory's rows in one unit of work: team members, client accounts and client users, by the host's ids.
 * A save inserts or replaces; a delete of a missing row does nothing. Nothing here cascades: the core removes what
 * depends on a row (participations, users, the conversation) before the row itself.
 */
public interface DirectoryRows {

    /** The team member, or empty. */
    Optional<TeamMemberRow> teamMember(String id);

    /**
     * Inserts or replaces a team member.
     *
     * @throws DuplicateKeyException with {@link DuplicateKeyException.Key#DIRECTORY_ENTRY} when another unit of work
     *                               inserted the same id at the same moment (the core then runs its unit again)
     */
    void saveTeamMember(TeamMemberRow member);

    /** Deletes a team member. */
    void deleteTeamMember(String id);

    /** The client account, or empty. */
    Optional<ClientAccountRow> clientAccount(String id);

    /** Inserts or replaces a client account (as {@link #saveTeamMember} does). */
    void saveClientAccount(ClientAccountRow account);

    /** Deletes a client account. */
    void deleteClientAccount(String id);

    /** The client user, or empty. */
    Optional<ClientUserRow> clientUser(String id);

    /** The users of a client account, ascending by id; never {@code null}. */
    List<ClientUserRow> clientUsers(String accountId);

    /** Inserts or replaces a client user (as {@link #saveTeamMember} does). */
    void saveClientUser(ClientUserRow user);

    /** Deletes a client user. */
    void deleteClientUser(String id);
}
