package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay hands on events from before a delete after the delete has committed: what they would remember must not
 * bring the deleted conversation back into the cache (found by the model-based test: a deleted account's history
 * answered an empty page instead of not found). Nor may a bulk read that raced with a change store what it saw before
 * the change (a removed participant stayed cached as one, to their stream and their reads).
 */
class AccessCacheTests {

    private static final String TENANT = "default";

    @Test
    void aDeletedConversationIsNeverRememberedAgainByAnOlderEventOrABulkRead() {
        AccessCache cache = new AccessCache();
        ConversationId id = new ConversationId(UUID.randomUUID());
        cache.invalidate(new ConversationDeleted("7", TENANT, id, Instant.now(), "acme", List.of(), List.of()));

        cache.rememberAccount(TENANT, id, "acme");
        cache.invalidate(created(id, "acme"));

        assertThat(cache.knowsAccount(TENANT, id)).isFalse();
        assertThat(cache.conversationAccount(TENANT, id, () -> Optional.of("acme"))).isEmpty();
    }

    @Test
    void anotherConversationIsRememberedAsBefore() {
        AccessCache cache = new AccessCache();
        ConversationId deleted = new ConversationId(UUID.randomUUID());
        ConversationId kept = new ConversationId(UUID.randomUUID());
        cache.invalidate(new ConversationDeleted("7", TENANT, deleted, Instant.now(), "acme", List.of(), List.of()));

        cache.invalidate(created(kept, "beta"));

        assertThat(cache.conversationAccount(TENANT, kept, Optional::empty)).contains("beta");
    }

    private static ConversationCreated created(ConversationId id, String accountId) {
        return new ConversationCreated("6", TENANT, id, Instant.now(), accountId, "Client " + accountId);
    }

    @Test
    void aBulkReadOfParticipantsThatBeganBeforeAChangeDoesNotStoreWhatItRead() {
        ConversationId id = new ConversationId(UUID.randomUUID());
        List<MessagingEvent> changes = List.of(
                new ParticipantRemoved("8", TENANT, id, Instant.now(), "amy"),
                new ParticipantAccessChanged("8", TENANT, id, Instant.now(),
                        new Participant("amy", "Amy", TeamRole.AGENT, Access.READ_ONLY)),
                new ParticipantAdded("8", TENANT, id, Instant.now(),
                        new Participant("amy", "Amy", TeamRole.AGENT, Access.READ_ONLY)),
                new TeamMemberChanged("8", TENANT, null, Instant.now(), new TeamMember("amy", "Amy", TeamRole.AGENT)),
                new TeamMemberRemoved("8", TENANT, null, Instant.now(), "amy"),
                new ConversationDeleted("8", TENANT, id, Instant.now(), "acme", List.of("amy"), List.of()));
        for (MessagingEvent change : changes) {
            AccessCache cache = new AccessCache();
            long mark = cache.participantFillMark();   // the read begins, sees amy with WRITE
            cache.invalidate(change);                    // the change commits and invalidates
            cache.rememberParticipant(TENANT, id, "amy", Optional.of(Access.WRITE), mark);

            assertThat(cache.knowsParticipant(TENANT, id, "amy")).as(change.type()).isFalse();
            assertThat(cache.participantAccess(TENANT, id, "amy", Optional::empty)).as(change.type()).isEmpty();
        }
        AccessCache cache = new AccessCache();
        cache.invalidate(changes.get(0));
        cache.rememberParticipant(TENANT, id, "amy", Optional.of(Access.WRITE), cache.participantFillMark());
        assertThat(cache.knowsParticipant(TENANT, id, "amy")).as("a read after the change").isTrue();

        cache.invalidateAll();
        long mark = cache.participantFillMark();
        cache.invalidateAll();
        cache.rememberParticipant(TENANT, id, "bob", Optional.of(Access.WRITE), mark);
        assertThat(cache.knowsParticipant(TENANT, id, "bob")).as("after everything was dropped").isFalse();
    }

    @Test
    void aReadsFillThatBeganBeforeAnInvalidationIsDroppedByIt() throws InterruptedException {
        // Reads fill the cache inside the entry's computation: an invalidation waits for it, then drops what it read.
        AccessCache cache = new AccessCache();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread read = new Thread(() -> cache.teamMember(TENANT, "mia", () -> {
            loading.countDown();
            await(release);
            return Optional.of(new TeamMember("mia", "Mia", TeamRole.MANAGER));   // as before the change
        }));
        read.start();
        await(loading);
        Thread change = new Thread(() -> cache.invalidate(new TeamMemberChanged("9", TENANT, null, Instant.now(),
                new TeamMember("mia", "Mia", TeamRole.AGENT))));
        change.start();
        Awaitility.await().until(() -> change.getState() == Thread.State.BLOCKED
                || change.getState() == Thread.State.WAITING || change.getState() == Thread.State.TERMINATED);
        release.countDown();
        read.join(10_000);
        change.join(10_000);

        assertThat(cache.teamMember(TENANT, "mia", () -> Optional.of(new TeamMember("mia", "Mia", TeamRole.AGENT))))
                .map(TeamMember::role).contains(TeamRole.AGENT);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
