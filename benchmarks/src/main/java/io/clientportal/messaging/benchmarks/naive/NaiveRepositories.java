package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Spring Data repositories: derived queries, and JPQL where a derived query can't say it. */
public final class NaiveRepositories {

    private NaiveRepositories() {
    }

    /** Team members. */
    public interface TeamMembers extends JpaRepository<NaiveTeamMember, Keys.TenantId> {
    }

    /** Client users. */
    public interface ClientUsers extends JpaRepository<NaiveClientUser, Keys.TenantId> {
    }

    /** Conversations. */
    public interface Conversations extends JpaRepository<NaiveConversation, Keys.TenantUuid> {

        Optional<NaiveConversation> findByTenantIdAndId(String tenantId, UUID id);

        /** With the row lock, so that concurrent posts number their messages one after another. */
        @Lock(LockModeType.PESSIMISTIC_WRITE)
        Optional<NaiveConversation> findWithLockByTenantIdAndId(String tenantId, UUID id);

        List<NaiveConversation> findByTenantIdAndIdGreaterThanOrderByIdAsc(String tenantId, UUID after, Limit limit);

        long countByTenantId(String tenantId);

        @Query("select c from NaiveConversation c where c.tenantId = :tenantId and exists (select p from"
                + " NaiveParticipant p where p.tenantId = c.tenantId and p.conversationId = c.id"
                + " and p.teamMemberId = :member) order by c.activityAt desc, c.id desc")
        List<NaiveConversation> inboxOf(@Param("tenantId") String tenantId, @Param("member") String member,
                                        Limit limit);
    }

    /** Participants. */
    public interface Participants extends JpaRepository<NaiveParticipant, Keys.ParticipantKey> {

        boolean existsByTenantIdAndConversationIdAndTeamMemberId(String tenantId, UUID conversationId,
                                                                 String teamMemberId);
    }

    /** Messages. */
    public interface Messages extends JpaRepository<NaiveMessage, Keys.MessageKey> {

        List<NaiveMessage> findByTenantIdAndConversationIdAndSeqLessThanOrderBySeqDesc(String tenantId,
                                                                                     UUID conversationId,
                                                                                     long beforeSeq, Limit limit);

        Optional<NaiveMessage> findByTenantIdAndConversationIdAndSeq(String tenantId, UUID conversationId, long seq);

        long countByTenantIdAndConversationIdAndSeqGreaterThanAndDeletedAtIsNullAndAuthorIdNot(
                String tenantId, UUID conversationId, long afterSeq, String authorId);

        @Query("select count(m) from NaiveMessage m, NaiveParticipant p where p.tenantId = :tenantId"
                + " and p.teamMemberId = :member and m.tenantId = p.tenantId and m.conversationId = p.conversationId"
                + " and m.deletedAt is null and m.authorId <> :member and m.seq > coalesce((select h.lastReadSeq"
                + " from NaiveReadHorizon h where h.tenantId = p.tenantId and h.conversationId = p.conversationId"
                + " and h.readerKind = 'TEAM_MEMBER' and h.readerId = :member), 0)")
        long unreadTotalOfParticipant(@Param("tenantId") String tenantId, @Param("member") String member);
    }

    /** Read horizons. */
    public interface ReadHorizons extends JpaRepository<NaiveReadHorizon, Keys.HorizonKey> {
    }

    /** Announcements. */
    public interface Announcements extends JpaRepository<NaiveAnnouncement, Keys.TenantUuid> {
    }

    /** The outbox. */
    public interface Events extends JpaRepository<NaiveEvent, Long> {
    }
}
