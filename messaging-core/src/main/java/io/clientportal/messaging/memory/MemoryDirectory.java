package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.ClientAccountRow;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.DirectoryRows;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.util.List;
import java.util.Optional;

/** The directory's tables of one unit of work. */
record MemoryDirectory(TenantData data, UndoLog undo) implements DirectoryRows {

    @Override
    public Optional<TeamMemberRow> teamMember(String id) {
        return data.teamMembers.find(id);
    }

    @Override
    public void saveTeamMember(TeamMemberRow member) {
        data.teamMembers.put(undo, member.id(), member);
    }

    @Override
    public void deleteTeamMember(String id) {
        data.teamMembers.remove(undo, id);
    }

    @Override
    public Optional<ClientAccountRow> clientAccount(String id) {
        return data.accounts.find(id);
    }

    @Override
    public void saveClientAccount(ClientAccountRow account) {
        data.accounts.put(undo, account.id(), account);
    }

    @Override
    public void deleteClientAccount(String id) {
        data.accounts.remove(undo, id);
    }

    @Override
    public Optional<ClientUserRow> clientUser(String id) {
        return data.clientUsers.find(id);
    }

    @Override
    public List<ClientUserRow> clientUsers(String accountId) {
        return data.clientUsers.all().values().stream().filter(user -> user.accountId().equals(accountId)).toList();
    }

    @Override
    public void saveClientUser(ClientUserRow user) {
        data.clientUsers.put(undo, user.id(), user);
    }

    @Override
    public void deleteClientUser(String id) {
        data.clientUsers.remove(undo, id);
    }
}
