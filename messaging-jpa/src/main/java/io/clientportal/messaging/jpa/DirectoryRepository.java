package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.ClientAccount;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.TeamMember;
import jakarta.persistence.EntityManager;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The directory (team members, client accounts, client users) through JPA entities: low-volume, row-at-a-time
 * writes from the host's sync. Each write is flushed at once, so a duplicate key surfaces from the call that
 * caused it and native statements that follow see the row.
 */
final class DirectoryRepository {

    private final EntityManager em;
    private final String tenantId;

    DirectoryRepository(EntityManager em, String tenantId) {
        this.em = em;
        this.tenantId = tenantId;
    }

    private DirectoryKey key(String id) {
        return new DirectoryKey(tenantId, id);
    }

    Optional<TeamMember> teamMember(String id) {
        return Optional.ofNullable(em.find(TeamMemberEntity.class, key(id))).map(TeamMemberEntity::toModel);
    }

    void save(TeamMember member) {
        TeamMemberEntity entity = em.find(TeamMemberEntity.class, key(member.id()));
        if (entity == null) {
            em.persist(new TeamMemberEntity(tenantId, member));
        } else {
            entity.update(member);
        }
        em.flush();
    }

    void deleteTeamMember(String id) {
        remove(em.find(TeamMemberEntity.class, key(id)));
    }

    Optional<ClientAccount> clientAccount(String id) {
        return Optional.ofNullable(em.find(ClientAccountEntity.class, key(id))).map(ClientAccountEntity::toModel);
    }

    void save(ClientAccount account) {
        ClientAccountEntity entity = em.find(ClientAccountEntity.class, key(account.id()));
        if (entity == null) {
            em.persist(new ClientAccountEntity(tenantId, account));
        } else {
            entity.update(account);
        }
        em.flush();
    }

    void deleteClientAccount(String id) {
        remove(em.find(ClientAccountEntity.class, key(id)));
    }

    Optional<ClientUser> clientUser(String id) {
        return Optional.ofNullable(em.find(ClientUserEntity.class, key(id))).map(ClientUserEntity::toModel);
    }

    List<ClientUser> clientUsers(String accountId) {
        return em.createQuery("select u from MessagingClientUser u where u.key.tenantId = :tenantId"
                        + " and u.accountId = :accountId", ClientUserEntity.class)
                .setParameter("tenantId", tenantId)
                .setParameter("accountId", accountId)
                .getResultStream()
                .map(ClientUserEntity::toModel)
                .sorted(Comparator.comparing(ClientUser::id))
                .toList();
    }

    void save(ClientUser user) {
        ClientUserEntity entity = em.find(ClientUserEntity.class, key(user.id()));
        if (entity == null) {
            em.persist(new ClientUserEntity(tenantId, user));
        } else {
            entity.update(user);
        }
        em.flush();
    }

    void deleteClientUser(String id) {
        remove(em.find(ClientUserEntity.class, key(id)));
    }

    private void remove(Object entity) {
        if (entity != null) {
            em.remove(entity);
            em.flush();
        }
    }
}
