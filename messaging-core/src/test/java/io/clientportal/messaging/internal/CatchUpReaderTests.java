package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.StandardAccessPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A resuming subscriber reads the log up to the relay, then joins the live feed: nothing lost, nothing twice. */
class CatchUpReaderTests {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);

    private final EventFixture fixture = new EventFixture();
    private final ConversationId conversation = EventFixture.conversation();
    private final EventVisibility visibility;
    private final EventRelay relay;
    private final EventFixture.Received received = new EventFixture.Received();

    CatchUpReaderTests() {
        fixture.directory.member("mia", TeamRole.MANAGER).conversation(conversation, "a1");
        visibility = fixture.visibility(new StandardAccessPolicy());
        relay = fixture.relay(visibility, GAP_TIMEOUT, List.of());
    }

    private void commit(long from, long to) {
        for (long p = from; p <= to; p++) {
            fixture.log.commit(p, EventFixture.updated(conversation, "a1"));
        }
    }

    private SubscriptionImpl resume(long cursor, int bufferSize) {
        SubscriptionImpl subscription = fixture.subscription(Actor.teamMember("mia"), cursor, bufferSize, visibility,
                relay, received);
        relay.resume(subscription);
        return subscription;
    }

    private static List<String> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(Long::toString).toList();
    }

    @Test
    void aSubscriberResumingFromAnIdGetsEveryLaterEventOnceThenLiveOnes() {
        commit(1, 10);
        relay.pass();

        resume(4, 100);
        fixture.executor.runAll();
        assertThat(received.ids).containsExactlyElementsOf(ids(5, 10));

        commit(11, 12);
        relay.pass();   // admits the subscriber, then hands on 11 and 12 live
        fixture.executor.runAll();

        assertThat(received.ids).containsExactlyElementsOf(ids(5, 12));
    }

    @Test
    void eventsCommittedWhileItCatchesUpAreNeitherLostNorRepeated() {
        commit(1, 10);
        relay.pass();
        resume(0, 8);   // reads at most 4 events at a time (half its buffer's room)

        fixture.executor.runOne();   // reads 1..4
        fixture.executor.runOne();   // hands them to the listener, reads 5..8
        assertThat(received.ids).containsExactlyElementsOf(ids(1, 4));
        commit(11, 13);
        relay.pass();                // live: the subscriber is not among its subscribers yet
        fixture.executor.runAll();   // catches up to 13 and registers
        commit(14, 14);
        relay.pass();                // admits it, hands on 14 live
        fixture.executor.runAll();

        assertThat(received.ids).containsExactlyElementsOf(ids(1, 14));
    }

    @Test
    void aSubscriberLeftBehindByTheRelayCatchesUpOnItsLaneNotTheRelays() {
        commit(1, 3);
        relay.pass();
        resume(0, 4);   // 2 at a time
        commit(4, 9);
        relay.pass();

        fixture.executor.runAll();
        relay.pass();
        fixture.executor.runAll();

        assertThat(received.ids).containsExactlyElementsOf(ids(1, 9));
    }

    @Test
    void aPositionTheRelaySkippedIsAwaitedCarriedInTheIdsAndDeliveredWhenItCommitsLate() {
        commit(1, 2);
        commit(4, 5);
        relay.pass();   // holds back 4 and 5 behind the gap at 3
        fixture.nanos.addAndGet(GAP_TIMEOUT.toNanos());
        relay.pass();   // goes on without 3
        assertThat(relay.position()).isEqualTo(5);

        SubscriptionImpl subscription = resume(1, 100);
        fixture.executor.runAll();
        assertThat(received.ids).containsExactly("2", "4~3", "5~3");
        assertThat(subscription.awaited()).containsExactly(3L);

        fixture.log.commit(3, EventFixture.updated(conversation, "a1"));
        fixture.nanos.addAndGet(GapTracker.LATE_CHECK.toNanos());
        relay.pass();   // admits it, then finds 3 committed late
        fixture.executor.runAll();

        assertThat(received.ids).containsExactly("2", "4~3", "5~3", "3");
        assertThat(subscription.awaited()).isEmpty();
    }

    @Test
    void aLateEventThatCommittedWhileTheSubscriberCaughtUpReachesItOnAdmission() {
        commit(1, 1);
        commit(3, 3);
        relay.pass();
        fixture.nanos.addAndGet(GAP_TIMEOUT.toNanos());
        relay.pass();   // 2 skipped

        resume(0, 100);
        fixture.executor.runAll();   // 1 and 3; awaits 2
        fixture.log.commit(2, EventFixture.updated(conversation, "a1"));
        relay.pass();                // admission looks up what it awaited
        fixture.executor.runAll();

        assertThat(received.ids).containsExactly("1", "3~2", "2");
    }
}
