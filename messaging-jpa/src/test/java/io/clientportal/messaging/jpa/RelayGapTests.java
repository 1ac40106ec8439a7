package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Positions that commit out of order, through the relay: one unit of work is held open after taking its position
 * while a later one commits. The relay holds the later event back until the earlier commits and then delivers both,
 * in position order; if the wait runs out first, the earlier one still arrives, late, live and on resume.
 */
abstract class RelayGapTests {

    private static final Actor OWNER = Actor.teamMember("owner");

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore jpa;
    private HoldingStore store;
    private Messaging messaging;
    private ConversationId first;
    private ConversationId second;

    private void start(Duration gapTimeout) {
        database = newDatabase();
        jpa = JpaMessagingStore.create(database.dataSource());
        store = new HoldingStore(jpa);
        messaging = Messaging.builder().store(store).eventGapTimeout(gapTimeout).build();
        messaging.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        first = messaging.directory().createClientAccount("first", "First", AccountKind.INDIVIDUAL).id();
        second = messaging.directory().createClientAccount("second", "Second", AccountKind.INDIVIDUAL).id();
    }

    @AfterEach
    void stop() {
        messaging.close();
        jpa.close();
        database.close();
    }

    @Test
    void aLaterCommitIsHeldBackUntilTheEarlierOneCommitsThenBothArriveInPositionOrder() throws Exception {
        start(Duration.ofSeconds(30));
        List<MessagePosted> received = new CopyOnWriteArrayList<>();
        Subscription subscription = messaging.events().subscribe(OWNER, null, posted(received));
        HeldPost held = postEarlierHeldThenLater();

        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5)).until(received::isEmpty);
        held.commit();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).extracting(p -> p.message().text()).containsExactly("earlier", "later");
        assertThat(Long.parseLong(received.get(0).eventId())).isLessThan(Long.parseLong(received.get(1).eventId()));
        subscription.close();
    }

    @Test
    void anEventCommittingAfterTheGapTimeoutArrivesLateLiveAndOnResumeAnywhere() throws Exception {
        start(Duration.ofMillis(300));
        List<MessagePosted> live = new CopyOnWriteArrayList<>();
        messaging.events().subscribe(OWNER, null, posted(live));
        HeldPost held = postEarlierHeldThenLater();

        // The wait runs out: the later event goes on, its id naming the position still awaited.
        await().atMost(Duration.ofSeconds(10)).until(() -> live.size() == 1);
        String laterId = live.get(0).eventId();
        assertThat(live.get(0).message().text()).isEqualTo("later");
        assertThat(laterId).contains("~");

        // A client that resumes with that id before the earlier one commits...
        List<MessagePosted> resumedBefore = new CopyOnWriteArrayList<>();
        messaging.events().subscribe(OWNER, laterId, posted(resumedBefore));
        held.commit();

        // ...and everyone live get it, late rather than never, once.
        await().atMost(Duration.ofSeconds(10)).until(() -> live.size() == 2 && resumedBefore.size() == 1);
        assertThat(live).extracting(p -> p.message().text()).containsExactly("later", "earlier");
        assertThat(resumedBefore).extracting(p -> p.message().text()).containsExactly("earlier");

        // A client that resumes with it after the commit gets it too, and not what it already had.
        List<MessagePosted> resumedAfter = new CopyOnWriteArrayList<>();
        messaging.events().subscribe(OWNER, laterId, posted(resumedAfter));
        messaging.messages().post(OWNER, second, NewMessage.text("next"));
        await().atMost(Duration.ofSeconds(10)).until(() -> resumedAfter.size() == 2);
        assertThat(resumedAfter).extracting(p -> p.message().text()).containsExactly("earlier", "next");
        await().atMost(Duration.ofSeconds(10)).until(() -> live.size() == 3);
        assertThat(live).extracting(p -> p.message().text()).containsExactly("later", "earlier", "next");
    }

    /**
     * Posts "earlier" to the first conversation and holds its unit open once it has taken its position, then posts
     * "later" to the second, which commits.
     */
    private HeldPost postEarlierHeldThenLater() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            store.holdNextCommit(appended, release);
            messaging.messages().post(OWNER, first, NewMessage.text("earlier"));
        });
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        messaging.messages().post(OWNER, second, NewMessage.text("later"));
        return new HeldPost(release, held);
    }

    /** The held post of {@link #postEarlierHeldThenLater}. */
    private record HeldPost(CountDownLatch release, CompletableFuture<Void> done) {

        /** Lets the held unit commit and waits until it has. */
        void commit() throws Exception {
            release.countDown();
            done.get(10, TimeUnit.SECONDS);
        }
    }

    private static java.util.function.Consumer<MessagingEvent> posted(List<MessagePosted> into) {
        return event -> {
            if (event instanceof MessagePosted posted) {
                into.add(posted);
            }
        };
    }
}
