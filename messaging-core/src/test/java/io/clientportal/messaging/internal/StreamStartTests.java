package io.clientportal.messaging.internal;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.model.ConversationId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamStartTests {

    private final EventFixture fixture = new EventFixture();
    private final ConversationId conversation = ConversationId.of("01900000-0000-7000-8000-000000000001");

    private void commit(long... positions) {
        for (long p : positions) {
            fixture.log.commit(p, EventFixture.updated(conversation, "a1"));
        }
    }

    @Test
    void aFreshStreamStartsAtTheEndAndAwaitsWhatHasNotCommittedBehindIt() {
        commit(1, 2, 4, 6);

        StreamStart start = StreamStart.of(fixture.log, 2, null);

        assertThat(start.cursor()).isEqualTo(6);
        assertThat(start.reset()).isFalse();
        assertThat(start.awaited()).as("holes between the relay and the end may still commit").containsExactly(3L, 5L);
        assertThat(start.resumes(null)).isFalse();
    }

    @Test
    void aResumedStreamStartsAfterItsIdAndStillAwaitsWhatTheIdAwaited() {
        commit(1, 2, 3, 5, 6, 7);

        StreamStart start = StreamStart.of(fixture.log, 7, "5~4~2~9");

        assertThat(start.cursor()).isEqualTo(5);
        assertThat(start.reset()).isFalse();
        assertThat(start.awaited()).as("only positions below the cursor").containsExactly(2L, 4L);
        assertThat(start.resumes("5~4~2~9")).isTrue();
    }

    @Test
    void anIdWhoseFollowersWerePrunedOrThatIsNotFromThisLogResets() {
        commit(1, 2, 3, 4, 5, 6);
        fixture.log.prune(4);

        StreamStart pruned = StreamStart.of(fixture.log, 6, "2");
        assertThat(pruned.reset()).as("events 3 were pruned").isTrue();
        assertThat(pruned.cursor()).isEqualTo(6);
        assertThat(pruned.awaited()).isEmpty();
        assertThat(pruned.resumes("2")).isFalse();

        assertThat(StreamStart.of(fixture.log, 6, "3").reset()).as("nothing after 3 is gone").isFalse();
        assertThat(StreamStart.of(fixture.log, 6, "99").reset()).as("beyond the log's end").isTrue();
    }

    @Test
    void anIdThisFeedNeverSentIsInvalidInputNamingTheField() {
        for (String id : List.of("abc", "-1", "1~x", "1~" + "2~".repeat(SubscriptionImpl.MAX_AWAITED + 1))) {
            assertThatThrownBy(() -> StreamStart.of(fixture.log, 0, id))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting("field").isEqualTo("lastEventId");
        }
    }
}
