package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.EventRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapTrackerTests {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration LATE_WINDOW = Duration.ofMinutes(5);

    private final EventFixture fixture = new EventFixture();
    private final ConversationId conversation = EventFixture.conversation();
    private final GapTracker gaps = new GapTracker(fixture.log, fixture.nanos::get, GAP_TIMEOUT, LATE_WINDOW, 10);

    private void commit(long... positions) {
        for (long p : positions) {
            fixture.log.commit(p, EventFixture.updated(conversation, "a1"));
        }
    }

    private void elapse(Duration duration) {
        fixture.nanos.addAndGet(duration.toNanos());
    }

    /** Reads and hands on what is ready, as the relay does. */
    private GapTracker.Read readAndPass() {
        GapTracker.Read read = gaps.read();
        read.ready().forEach(record -> gaps.passed(record.position()));
        return read;
    }

    private static List<Long> positions(List<EventRecord> records) {
        return records.stream().map(EventRecord::position).toList();
    }

    @Test
    void aGapHoldsBackWhatFollowsItUntilItFills() {
        commit(1, 2, 4, 5);

        GapTracker.Read read = readAndPass();
        assertThat(positions(read.ready())).containsExactly(1L, 2L);
        assertThat(read.atGap()).isTrue();
        elapse(GAP_TIMEOUT.minusMillis(1));
        assertThat(gaps.skipIfTimedOut(read)).as("still held back").isNull();
        assertThat(gaps.holdingBack()).isTrue();
        assertThat(gaps.position()).isEqualTo(2);

        commit(3);
        read = readAndPass();
        assertThat(positions(read.ready())).containsExactly(3L, 4L, 5L);
        assertThat(read.atGap()).isFalse();
        assertThat(gaps.holdingBack()).isFalse();
        assertThat(gaps.position()).isEqualTo(5);
    }

    @Test
    void aGapIsTimedFromWhenItWasFirstSeenNotFromEachRead() {
        commit(1, 3);
        readAndPass();
        elapse(GAP_TIMEOUT.dividedBy(2));
        readAndPass();
        elapse(GAP_TIMEOUT.dividedBy(2));

        GapTracker.Read read = readAndPass();
        assertThat(gaps.skipIfTimedOut(read)).isNotNull();
    }

    @Test
    void afterTheTimeoutTheRelayGoesOnAndWatchesTheSkippedPositions() {
        commit(1, 4);
        GapTracker.Read read = readAndPass();
        elapse(GAP_TIMEOUT);

        GapTracker.Skip skip = gaps.skipIfTimedOut(read);

        assertThat(skip.skipped()).containsExactly(2L, 3L);
        assertThat(skip.forgotten()).isEmpty();
        assertThat(gaps.position()).isEqualTo(3);
        assertThat(gaps.watches(2)).isTrue();
        assertThat(gaps.watchedIn(0, 4)).containsExactly(2L, 3L);
        assertThat(positions(readAndPass().ready())).containsExactly(4L);
        assertThat(gaps.nextLookMillis(1_000)).isEqualTo(GapTracker.LATE_CHECK.toMillis());
    }

    @Test
    void aSkippedPositionThatCommitsLateIsFoundLateNotNever() {
        commit(1, 3);
        GapTracker.Read read = readAndPass();
        elapse(GAP_TIMEOUT);
        gaps.skipIfTimedOut(read);
        readAndPass();
        assertThat(gaps.checkLate().committed()).isEmpty();

        commit(2);
        elapse(GapTracker.LATE_CHECK.dividedBy(2));
        assertThat(gaps.checkLate().committed()).as("looked up at most every LATE_CHECK").isEmpty();
        elapse(GapTracker.LATE_CHECK);
        GapTracker.LateCommits late = gaps.checkLate();

        assertThat(positions(late.committed())).containsExactly(2L);
        assertThat(gaps.watches(2)).isFalse();
        elapse(GapTracker.LATE_CHECK);
        assertThat(gaps.checkLate().committed()).as("found once").isEmpty();
    }

    @Test
    void aSkippedPositionIsGivenUpAfterTheLateWindow() {
        commit(1, 3);
        GapTracker.Read read = readAndPass();
        elapse(GAP_TIMEOUT);
        gaps.skipIfTimedOut(read);

        elapse(LATE_WINDOW.plusSeconds(1));
        GapTracker.LateCommits late = gaps.checkLate();

        assertThat(late.forgotten()).containsExactly(2L);
        assertThat(gaps.watches(2)).isFalse();
        assertThat(gaps.nextLookMillis(1_000)).isEqualTo(1_000);
    }

    @Test
    void outOfOrderCommitsAreHandedOnInPositionOrder() {
        commit(2, 5);
        assertThat(readAndPass().ready()).isEmpty();
        commit(1, 3);
        assertThat(positions(readAndPass().ready())).containsExactly(1L, 2L, 3L);
        commit(4);
        assertThat(positions(readAndPass().ready())).containsExactly(4L, 5L);
        assertThat(gaps.holdingBack()).isFalse();
    }

    @Test
    void theMostWatchedPositionsAreBoundedTheOldestGivenUpFirst() {
        commit(1, 8);
        GapTracker.Read read = readAndPass();
        elapse(GAP_TIMEOUT);
        gaps.skipIfTimedOut(read);   // 2..7 watched
        readAndPass();
        commit(20);
        read = readAndPass();
        elapse(GAP_TIMEOUT);

        GapTracker.Skip skip = gaps.skipIfTimedOut(read);   // 9..19: 11 more, 10 at most in all

        assertThat(skip.skipped()).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(skip.forgotten()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(gaps.watchedIn(0, 20)).hasSize(10);
    }

    @Test
    void aStartingTrackerWatchesPositionsMissingJustBelowTheEnd() {
        commit(1, 2, 4, 6);

        gaps.start();

        assertThat(gaps.position()).isEqualTo(6);
        assertThat(gaps.watchedIn(0, 6)).containsExactly(3L, 5L);
        commit(5);
        assertThat(positions(gaps.checkLate().committed())).containsExactly(5L);
    }
}
