package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.NewEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The log's side of event order: positions come from a sequence, so a later unit of work commits without waiting
 * for an earlier one still open, and the log shows the gap until the earlier one commits (the relay tracks it; see
 * {@link RelayGapTests}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventLogOrderTests {

    abstract TestDatabases.TestDatabase newDatabase();

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;

    @BeforeAll
    void start() {
        database = newDatabase();
        store = JpaMessagingStore.create(database.dataSource());
    }

    @AfterAll
    void stop() {
        store.close();
        database.close();
    }

    @Test
    void aLaterTransactionCommitsAheadOfAnEarlierOneStillOpenAndBothEndUpInPositionOrder() throws Exception {
        long start = store.lastEventPosition();
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> store.inTransaction("t-order", tx -> {
            tx.events().append(List.of(event("first")));
            firstAppended.countDown();
            awaitLatch(releaseFirst);
            return null;
        }));
        assertThat(firstAppended.await(10, TimeUnit.SECONDS)).isTrue();
        // No lock is shared: the second commits while the first is open, at a higher position.
        store.inTransaction("t-order", tx -> {
            tx.events().append(List.of(event("second")));
            return null;
        });
        List<EventRecord> whileOpen = store.eventsAfter(start, 10);
        assertThat(whileOpen).extracting(EventRecord::type).containsExactly("second");

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        List<EventRecord> events = store.eventsAfter(start, 10);
        assertThat(events).extracting(EventRecord::type).containsExactly("first", "second");
        assertThat(events.get(0).position()).isLessThan(events.get(1).position());
        assertThat(store.eventsAt(List.of(events.get(0).position(), whileOpen.get(0).position() + 1_000)))
                .extracting(EventRecord::type).containsExactly("first");
    }

    @Test
    void aRolledBackUnitLeavesNoEvent() {
        long start = store.lastEventPosition();
        try {
            store.inTransaction("t-order", tx -> {
                tx.events().append(List.of(event("doomed")));
                throw new IllegalStateException("rolled back on purpose");
            });
        } catch (RuntimeException expected) {
            // the unit rolled back; its position stays a gap for good
        }
        store.inTransaction("t-order", tx -> {
            tx.events().append(List.of(event("kept")));
            return null;
        });
        List<EventRecord> events = store.eventsAfter(start, 10);
        assertThat(events).extracting(EventRecord::type).containsExactly("kept");
        assertThat(events.get(0).position()).isGreaterThan(start + 1);
    }

    @Test
    void pruningRemovesTheOldestEventsUpToTheFirstNewerOne() {
        Instant old = Instant.now().plus(Duration.ofHours(1));
        Instant cutOff = old.plus(Duration.ofMinutes(30));
        long start = store.lastEventPosition();
        store.inTransaction("t-prune", tx -> {
            tx.events().append(List.of(new NewEvent("old", null, "{}", old), new NewEvent("old", null, "{}", old),
                    new NewEvent("new", null, "{}", cutOff.plusSeconds(60))));
            return null;
        });
        assertThat(store.pruneEvents(cutOff, 1)).isEqualTo(1);
        assertThat(store.pruneEvents(cutOff, 1_000)).isGreaterThanOrEqualTo(1);
        assertThat(store.pruneEvents(cutOff, 1_000)).isZero();
        assertThat(store.eventsAfter(0, 10)).extracting(EventRecord::type).containsExactly("new");
        assertThat(store.firstEventPosition()).isGreaterThan(start).isEqualTo(store.lastEventPosition());
    }

    @Test
    void pruningFindsTheCutOffAmongManyEventsAndAcrossGaps() {
        Instant far = Instant.now().plus(Duration.ofDays(3650));
        store.pruneEvents(far, Integer.MAX_VALUE);   // the log's times must rise with positions, as in production
        Instant old = Instant.now().plus(Duration.ofHours(3));
        Instant cutOff = old.plus(Duration.ofMinutes(30));
        appendMany("aged", old, 70);
        assertThatThrownBy(() -> store.inTransaction("t-prune", tx -> {
            tx.events().append(List.of(new NewEvent("aged", null, "{}", old)));
            throw new IllegalStateException("rolled back: its position stays a gap");
        })).isInstanceOf(RuntimeException.class);
        appendMany("aged", old, 30);
        appendMany("young", cutOff.plusSeconds(1), 25);

        int pruned = 0;
        for (int step; (step = store.pruneEvents(cutOff, 40)) > 0; ) {
            pruned += step;
        }
        assertThat(pruned).isEqualTo(100);
        assertThat(store.eventsAfter(0, 1_000)).hasSize(25).extracting(EventRecord::type).containsOnly("young");
        assertThat(store.pruneEvents(far, Integer.MAX_VALUE)).isEqualTo(25);
    }

    private void appendMany(String type, Instant at, int count) {
        store.inTransaction("t-prune", tx -> {
            List<NewEvent> events = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(new NewEvent(type, null, "{}", at));
            }
            tx.events().append(events);
            return null;
        });
    }

    private static NewEvent event(String type) {
        return new NewEvent(type, null, "{}", Instant.now());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
