package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.ClientAccountRow;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.DirectoryRows;
import io.clientportal.messaging.spi.TeamMemberRow;
import jakarta.persistence.EntityManager;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The directory (team members, client accounts, client users) through JPA entities: low-volume, row-at-a-time
 * writes from the host's sync. Each write is flushed at once, so a duplicate key surfaces from the call that
 * caused it and native statements that follow see the row.
 */
final class DirectoryRepository implements DirectoryRows {

    /** The unit's entity manager: a read unit on a bare connection opens one only when it is asked for. */
    private final Supplier<EntityManager> entityManager;
    private final String tenantId;

    DirectoryRepository(Supplier<EntityManager> entityManager, String tenantId) {
        this.entityManager = entityManager;
        this.tenantId = tenantId;
    }

    private EntityManager em() {
        return entityManager.get();
    }

    private DirectoryKey key(String id) {
        return new DirectoryKey(tenantId, id);
    }

    @Override
    public Optional<TeamMemberRow> teamMember(String id) {
        return Optional.ofNullable(em().find(TeamMemberEntity.class, key(id))).map(TeamMemberEntity::toRow);
    }

    @Override
    public void saveTeamMember(TeamMemberRow member) {
        TeamMemberEntity entity = em().find(TeamMemberEntity.class, key(member.id()));
        if (entity == null) {
            em().persist(new TeamMemberEntity(tenantId, member));
        } else {
            entity.update(member);
        }
        em().flush();
    }

    @Override
    public void deleteTeamMember(String id) {
        remove(em().find(TeamMemberEntity.class, key(id)));
    }

    @Override
    public Optional<ClientAccountRow> clientAccount(String id) {
        return Optional.ofNullable(em().find(ClientAccountEntity.class, key(id))).map(ClientAccountEntity::toRow);
    }

    @Override
    public void saveClientAccount(ClientAccountRow account) {
        ClientAccountEntity entity = em().find(ClientAccountEntity.class, key(account.id()));
        if (entity == null) {
            em().persist(new ClientAccountEntity(tenantId, account));
        } else {
            entity.update(account);
        }
        em().flush();
    }

    @Override
    public void deleteClientAccount(String id) {
        remove(em().find(ClientAccountEntity.class, key(id)));
    }

    @Override
    public Optional<ClientUserRow> clientUser(String id) {
        return Optional.ofNullable(em().find(ClientUserEntity.class, key(id))).map(ClientUserEntity::toRow);
    }

    @Override
    public List<ClientUserRow> clientUsers(String accountId) {
        return em().createQuery("select u from MessagingClientUser u where u.key.tenantId = :tenantId"
                        + " and u.accountId = :accountId", ClientUserEntity.class)
                .setParameter("tenantId", tenantId)
                .setParameter("accountId", accountId)
                .getResultStream()
                .map(ClientUserEntity::toRow)
                .sorted(Comparator.comparing(ClientUserRow::id))
                .toList();
    }

    @Override
    public void saveClientUser(ClientUserRow user) {
        ClientUserEntity entity = em().find(ClientUserEntity.class, key(user.id()));
        if (entity == null) {
            em().persist(new ClientUserEntity(tenantId, user));
        } else {
            entity.update(user);
        }
        em().flush();
    }

    @Override
    public void deleteClientUser(String id) {
        remove(em().find(ClientUserEntity.class, key(id)));
    }

    private void remove(Object entity) {
        if (entity != null) {
            em().remove(entity);
            em().flush();
        }
    }
}
