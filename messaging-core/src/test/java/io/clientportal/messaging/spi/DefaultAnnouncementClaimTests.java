package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPI's default claim, for stores that do not claim set-based: only what no node holds, once. */
class DefaultAnnouncementClaimTests {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final InMemoryMessagingStore memory = new InMemoryMessagingStore();
    /** A store with nothing but the required methods, so every default of the SPI is in use. */
    private final MessagingStore store = new MessagingStore() {
        @Override
        public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
            return memory.inTransaction(tenantId, work);
        }

        @Override
        public List<EventRecord> eventsAfter(long afterPosition, int limit) {
            return memory.eventsAfter(afterPosition, limit);
        }

        @Override
        public long lastEventPosition() {
            return memory.lastEventPosition();
        }

        @Override
        public long firstEventPosition() {
            return memory.firstEventPosition();
        }

        @Override
        public int pruneEvents(Instant before, int limit) {
            return memory.pruneEvents(before, limit);
        }

        @Override
        public List<PendingAnnouncement> unfinishedAnnouncements(int limit) {
            return memory.unfinishedAnnouncements(limit);
        }

        @Override
        public List<AttachmentRow> deleteUnreferencedAttachments(Instant uploadedBefore, int limit) {
            return memory.deleteUnreferencedAttachments(uploadedBefore, limit);
        }
    };

    @Test
    void claimsWhatNoNodeHoldsAndLeavesLiveLeasesAndFinishedAnnouncementsAlone() {
        AnnouncementId held = insert(Announcement.Status.SENDING, new AnnouncementLease("a", T0.plusSeconds(60)));
        AnnouncementId expired = insert(Announcement.Status.SENDING, new AnnouncementLease("a", T0));
        AnnouncementId free = insert(Announcement.Status.QUEUED, null);
        insert(Announcement.Status.DELIVERED, null);

        List<PendingAnnouncement> claimed = store.claimAnnouncements("b", T0, T0.plusSeconds(30), 10);

        assertThat(claimed).extracting(PendingAnnouncement::id).containsExactlyInAnyOrder(expired, free);
        assertThat(lease(expired)).isEqualTo(new AnnouncementLease("b", T0.plusSeconds(30)));
        assertThat(lease(held)).isEqualTo(new AnnouncementLease("a", T0.plusSeconds(60)));
        assertThat(store.claimAnnouncements("c", T0.plusSeconds(29), T0.plus(Duration.ofHours(1)), 10)).isEmpty();
        assertThat(store.claimAnnouncements("c", T0.plusSeconds(60), T0.plus(Duration.ofHours(1)), 1)).hasSize(1);
    }

    private AnnouncementId insert(Announcement.Status status, AnnouncementLease lease) {
        AnnouncementId id = new AnnouncementId(UUID.randomUUID());
        store.inTransaction("t", tx -> {
            tx.announcements().insert(new AnnouncementRow(id, Actor.teamMember("owner"), "Owner", "text", false,
                    true, status, 0, 0, null, T0, lease));
            return null;
        });
        return id;
    }

    private AnnouncementLease lease(AnnouncementId id) {
        return store.read("t", tx -> tx.announcements().find(id).orElseThrow().lease());
    }
}
