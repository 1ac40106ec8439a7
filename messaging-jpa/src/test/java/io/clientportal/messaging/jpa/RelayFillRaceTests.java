package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.StoreTransaction;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The relay reads the participant access its subscribers' decisions need in bulk, before it decides a batch. A
 * removal that commits while that read is under way must still cut the removed member off: neither their stream nor
 * their reads may go on from what the read saw before the removal (a leak seen once in four runs of the event
 * contract on a loaded machine; here the interleaving is forced).
 */
abstract class RelayFillRaceTests {

    private static final Actor OWNER = Actor.teamMember("owner");
    private static final Actor AGENT = Actor.teamMember("agent");
    private static final Actor ALICE = Actor.clientUser("alice");
    private static final Actor IVAN = Actor.clientUser("ivan");
    private static final String RELAY_THREAD = "messaging-event-relay";

    /** A fresh store (on a database from {@link #onDatabase}, closed after the test). */
    abstract MessagingStore newStore();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore jpaStore;
    private MessagingStore store;
    private Messaging messaging;
    private final CountDownLatch readStarted = new CountDownLatch(1);
    private final CountDownLatch removed = new CountDownLatch(1);
    private final CountDownLatch decided = new CountDownLatch(1);
    private final CountDownLatch checked = new CountDownLatch(1);
    private volatile boolean armed;
    private volatile boolean readReleased;

    @BeforeEach
    void start() {
        store = newStore();
        messaging = Messaging.builder().store(new PausingRelayReads(store)).build();
    }

    @AfterEach
    void stop() {
        readReleased = true;
        removed.countDown();
        checked.countDown();
        messaging.close();
        if (jpaStore != null) {
            jpaStore.close();
            database.close();
        }
    }

    /** The JPA store on this database. */
    MessagingStore onDatabase(TestDatabases.TestDatabase database) {
        this.database = database;
        this.jpaStore = JpaMessagingStore.create(database.dataSource());
        return jpaStore;
    }

    @Test
    void aRemovalThatCommitsDuringTheRelaysBulkReadCutsTheMemberOffAtOnce() throws InterruptedException {
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("agent", "Agent", TeamRole.AGENT);
        ConversationId acme = messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL).id();
        ConversationId solo = messaging.directory().createClientAccount("solo", "Solo", AccountKind.INDIVIDUAL).id();
        messaging.directory().addClientUser("acme", "alice", "Alice");
        messaging.directory().addClientUser("solo", "ivan", "Ivan");
        messaging.conversations().addParticipant(OWNER, acme, "agent", Access.WRITE);
        List<MessagingEvent> got = new CopyOnWriteArrayList<>();
        armed = true;   // holds the relay's next bulk read (as it admits the subscriber, or for the post's batch)
        Subscription subscription = messaging.events().subscribe(AGENT, null, got::add);
        try {
            messaging.messages().post(ALICE, acme, NewMessage.text("visible"));
            assertThat(readStarted.await(30, TimeUnit.SECONDS)).as("the relay read participant access").isTrue();

            // The relay's read saw the agent as a participant; the removal and a post commit before it stores that.
            messaging.conversations().removeParticipant(OWNER, acme, "agent");
            messaging.messages().post(ALICE, acme, NewMessage.text("after removal"));
            removed.countDown();

            // The relay has stored what its read saw and decided its batch: the agent's next read is still refused.
            assertThat(decided.await(30, TimeUnit.SECONDS)).as("the relay decided its batch").isTrue();
            Throwable read = catchThrowable(() -> messaging.messages().history(AGENT, acme, HistoryQuery.latest(10)));
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(read).as("the removed member's next read").isInstanceOf(NotFoundException.class);
            checked.countDown();

            messaging.conversations().addParticipant(OWNER, solo, "agent", Access.WRITE);
            messaging.messages().post(IVAN, solo, NewMessage.text("solo"));
            await().atMost(Duration.ofSeconds(30)).until(() -> got.stream().anyMatch(e -> e instanceof MessagePosted p
                    && p.message().text().equals("solo")));
            softly.assertThat(got).as("the removed member's stream").extracting(e -> e.getClass().getSimpleName())
                    .containsExactly(MessagePosted.class.getSimpleName(), ParticipantRemoved.class.getSimpleName(),
                            ParticipantAdded.class.getSimpleName(), MessagePosted.class.getSimpleName());
            softly.assertThat(got).filteredOn(e -> e instanceof MessagePosted)
                    .extracting(e -> ((MessagePosted) e).message().text()).containsExactly("visible", "solo");
            softly.assertAll();
        } finally {
            subscription.close();
        }
    }

    /**
     * Holds the relay's first bulk read of participant access until the test removed the member, then the relay's
     * next look at the log (it has decided its batch by then) until the test checked the member's read.
     */
    private final class PausingRelayReads extends ForwardingMessagingStore {

        PausingRelayReads(MessagingStore delegate) {
            super(delegate);
        }

        @Override
        public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
            if (!armed || !Thread.currentThread().getName().equals(RELAY_THREAD)) {
                return delegate.read(tenantId, work);
            }
            T result = delegate.read(tenantId, tx -> work.apply(WatchedTransaction.watch(tx, (call, args) -> {
                if (call.equals("conversations.participantAccesses") && readStarted.getCount() > 0) {
                    readStarted.countDown();
                }
            })));
            if (readStarted.getCount() == 0 && !readReleased) {
                readReleased = true;
                hold(removed);   // the read is done; what it saw is stored after this
            }
            return result;
        }

        @Override
        public List<EventRecord> eventsAfter(long afterPosition, int limit) {
            if (readReleased && decided.getCount() > 0 && Thread.currentThread().getName().equals(RELAY_THREAD)) {
                decided.countDown();
                hold(checked);
            }
            return delegate.eventsAfter(afterPosition, limit);
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
