package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.StandardAccessPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The relay's own thread, woken in-process as the engine wakes it after a local commit: a wake-up that comes while
 * the relay is busy (inside a read of the log that missed the commit) is kept, so the relay looks again at once
 * instead of sleeping through a whole poll interval (an hour here, so a lost wake-up fails the test).
 */
class EventRelayWakeTests {

    private static final Duration NEVER_POLL = Duration.ofHours(1);

    private final EventFixture fixture = new EventFixture();
    private final ConversationId conversation = EventFixture.conversation();
    private final PausingLog log = new PausingLog(fixture.log);
    private final EventRelay relay = new EventRelay(log, fixture.codec, fixture.cache, List.of(), NEVER_POLL,
            Duration.ofSeconds(2), () -> {
            }, System::nanoTime, Clock.systemUTC(), Instrumentation.none());

    EventRelayWakeTests() {
        fixture.directory.member("mia", TeamRole.MANAGER).conversation(conversation, "a1");
    }

    @AfterEach
    void close() {
        log.release();
        relay.close();
    }

    @Test
    void aWakeUpDuringTheRelaysReadIsNotLost() throws InterruptedException {
        EventVisibility visibility = fixture.visibility(new StandardAccessPolicy());
        relay.useVisibility(visibility);
        relay.start();
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        SubscriptionImpl subscription = new SubscriptionImpl(EventFixture.TENANT, Actor.teamMember("mia"),
                relay.position(), event -> delivered.add(event.eventId()), visibility, fixture.codec, relay,
                Runnable::run, 100, new StallWatch(System::nanoTime, Duration.ofSeconds(30)), () -> EventFixture.AT);
        subscription.markStart();
        fixture.log.commit(1, EventFixture.updated(conversation, "a1"));
        relay.register(subscription);
        assertThat(delivered.poll(30, TimeUnit.SECONDS)).as("live, and the relay at rest again").isEqualTo("1");

        log.pauseNextRead();
        relay.wake();   // a look at the log that finds nothing new: its read pauses once it has its rows
        assertThat(log.awaitPausedRead()).as("the relay reads the log").isTrue();
        // The read has its rows (none); now a unit commits and wakes the relay, as the engine does after commit.
        fixture.log.commit(2, EventFixture.updated(conversation, "a1"));
        relay.wake();
        log.release();

        assertThat(delivered.poll(30, TimeUnit.SECONDS))
                .as("the relay looked again at once, not after its hour-long poll interval").isEqualTo("2");
    }

    @Test
    void aWakeUpBeforeTheWaitIsKept() {
        WakeSignal signal = new WakeSignal();
        signal.wake();

        // Bounded: a signal that forgot the wake-up would otherwise wait the whole hour.
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> signal.await(NEVER_POLL.toMillis())))
                .isTrue();
    }

    /** The fixture's log, one of whose reads can be held after it took its rows (a read that missed a commit). */
    private static final class PausingLog implements EventLog {
        private final EventLog log;
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean pauseNext;

        PausingLog(EventLog log) {
            this.log = log;
        }

        void pauseNextRead() {
            pauseNext = true;
        }

        boolean awaitPausedRead() throws InterruptedException {
            return paused.await(30, TimeUnit.SECONDS);
        }

        void release() {
            released.countDown();
        }

        @Override
        public List<EventRecord> after(long position, int limit) {
            List<EventRecord> rows = log.after(position, limit);
            if (pauseNext) {
                pauseNext = false;
                paused.countDown();
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return rows;
        }

        @Override
        public List<EventRecord> at(Collection<Long> positions) {
            return log.at(positions);
        }

        @Override
        public long last() {
            return log.last();
        }

        @Override
        public long first() {
            return log.first();
        }
    }
}
