package io.clientportal.messaging;

import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.model.MessagingStatus.RelayState;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AnnouncementBacklog;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.StoreTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link Messaging#status()}: a relay that is caught up is idle, one behind that moves on is busy, one behind that
 * has not moved on for the stall timeout is stalled. The relay is held inside its read of the log (as by a
 * database that stopped answering) and the clock is moved by hand, so nothing here waits for time to pass.
 */
class RelayStatusTests {

    private static final Duration STALL = Duration.ofMinutes(1);

    private final HandClock clock = new HandClock();
    private final HeldStore store = new HeldStore();
    private Messaging messaging;
    private ConversationId acme;
    private final Actor alice = Actor.clientUser("alice");

    @BeforeEach
    void start() {
        messaging = Messaging.builder().store(store).clock(clock).eventPollInterval(Duration.ofMillis(50)).build();
        acme = messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
        messaging.directory().addClientUser("acme", "alice", "Alice");
        messaging.directory().upsertTeamMember("olivia", "Olivia", TeamRole.OWNER);
    }

    @AfterEach
    void stop() {
        store.release();
        messaging.close();
    }

    @Test
    void aCaughtUpRelayIsIdleHoweverLongNothingHappens() {
        await().until(() -> messaging.status().relay().behind() == 0);
        clock.advance(Duration.ofHours(3));

        await().untilAsserted(() -> {
            MessagingStatus.Relay relay = messaging.status().relay();
            assertThat(relay.state(STALL)).isEqualTo(RelayState.IDLE);
            assertThat(relay.position()).isEqualTo(relay.logEnd()).isEqualTo(store.lastEventPosition());
            assertThat(relay.lag()).isZero();
        });
    }

    @Test
    void aRelayBehindTheLogIsBusyUntilTheStallTimeoutThenStalledThenIdleOnceItMovesOn() {
        await().until(() -> messaging.status().relay().behind() == 0);
        store.holdTheRelay();
        messaging.messages().post(alice, acme, NewMessage.text("one"));
        messaging.messages().post(alice, acme, NewMessage.text("two"));
        store.awaitTheRelayHeld();

        clock.advance(Duration.ofSeconds(40));
        MessagingStatus.Relay busy = messaging.status().relay();
        assertThat(busy.behind()).isEqualTo(2);
        assertThat(busy.state(STALL)).isEqualTo(RelayState.BUSY);
        assertThat(busy.lag()).isGreaterThanOrEqualTo(Duration.ofSeconds(40));

        clock.advance(Duration.ofSeconds(30));
        MessagingStatus.Relay stalled = messaging.status().relay();
        assertThat(stalled.state(STALL)).isEqualTo(RelayState.STALLED);
        assertThat(stalled.sinceProgress()).isGreaterThan(STALL);
        assertThat(stalled.lag()).isGreaterThanOrEqualTo(Duration.ofSeconds(70));

        store.release();
        await().untilAsserted(() -> assertThat(messaging.status().relay().state(STALL)).isEqualTo(RelayState.IDLE));
    }

    @Test
    void theStatusCountsAnnouncementsNotYetDelivered() {
        assertThat(messaging.status().announcements()).isEqualTo(new MessagingStatus.PendingAnnouncements(0, null));
        assertThat(messaging.status().webhooks()).isEmpty();
        messaging.announcements().send(Actor.teamMember("olivia"), NewAnnouncement.toAllClients("news"));
        await().untilAsserted(() -> assertThat(messaging.status().announcements().count()).isZero());
    }

    @Test
    void aStoreThatCannotTellItsBacklogsLeavesThemOut() {
        try (Messaging bare = Messaging.builder().store(new HeldStore() {
            @Override
            public AnnouncementBacklog announcementBacklog() {
                throw new UnsupportedOperationException("not kept");
            }
        }).build()) {
            MessagingStatus status = bare.status();
            assertThat(status.announcements()).isNull();
            assertThat(status.relay()).isNotNull();
        }
    }

    @Test
    void aStoreThatFailsIsAStoreException() {
        AtomicReference<Boolean> failing = new AtomicReference<>(false);
        try (Messaging failingStore = Messaging.builder().store(new HeldStore() {
            @Override
            public long lastEventPosition() {
                if (failing.get()) {
                    throw new IllegalStateException("connection refused");
                }
                return super.lastEventPosition();
            }
        }).build()) {
            failing.set(true);
            assertThatThrownBy(failingStore::status).isInstanceOf(MessagingStoreException.class)
                    .hasMessageContaining("connection refused");
        }
    }

    /** A clock that moves only when told (and a little with real time, so successive instants differ). */
    private static final class HandClock extends Clock {
        private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
        private final long startNanos = System.nanoTime();
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            offset.updateAndGet(current -> current.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plus(offset.get()).plusNanos(System.nanoTime() - startNanos);
        }
    }

    /** The in-memory store, whose log reads on the relay's thread can be held. */
    private static class HeldStore implements MessagingStore {
        private final InMemoryMessagingStore delegate = new InMemoryMessagingStore();
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private volatile CountDownLatch held = new CountDownLatch(1);

        void holdTheRelay() {
            held = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        void awaitTheRelayHeld() {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void release() {
            gate.countDown();
        }

        @Override
        public List<EventRecord> eventsAfter(long afterPosition, int limit) {
            if (Thread.currentThread().getName().equals("messaging-event-relay") && gate.getCount() > 0) {
                held.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.eventsAfter(afterPosition, limit);
        }

        @Override
        public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tenantId, work);
        }

        @Override
        public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
            return delegate.read(tenantId, work);
        }

        @Override
        public long lastEventPosition() {
            return delegate.lastEventPosition();
        }

        @Override
        public long firstEventPosition() {
            return delegate.firstEventPosition();
        }

        @Override
        public int pruneEvents(Instant before, int limit) {
            return delegate.pruneEvents(before, limit);
        }

        @Override
        public List<PendingAnnouncement> unfinishedAnnouncements(int limit) {
            return delegate.unfinishedAnnouncements(limit);
        }

        @Override
        public AnnouncementBacklog announcementBacklog() {
            return delegate.announcementBacklog();
        }

        @Override
        public List<AttachmentRow> deleteUnreferencedAttachments(Instant uploadedBefore, int limit) {
            return delegate.deleteUnreferencedAttachments(uploadedBefore, limit);
        }
    }
}
