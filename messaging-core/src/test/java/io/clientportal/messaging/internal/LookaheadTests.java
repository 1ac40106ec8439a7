package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.clientportal.messaging.internal.EventFixture.AT;
import static io.clientportal.messaging.internal.EventFixture.TENANT;
import static io.clientportal.messaging.internal.Lookahead.Participation.NOT_PARTICIPANT;
import static io.clientportal.messaging.internal.Lookahead.Participation.NOT_TOLD;
import static io.clientportal.messaging.internal.Lookahead.Participation.PARTICIPANT;
import static org.assertj.core.api.Assertions.assertThat;

class LookaheadTests {

    private final ConversationId conversation = EventFixture.conversation();
    private final Participant amy = new Participant("amy", "Amy", TeamRole.AGENT, Access.WRITE);

    private Lookahead of(MessagingEvent... events) {
        return new Lookahead(Arrays.asList(events));
    }

    @Test
    void theFirstLaterParticipantEventTellsTheParticipationAtAnEarlierOne() {
        MessagingEvent message = EventFixture.updated(conversation, "a1");
        Lookahead lookahead = of(message, new ParticipantAdded(null, TENANT, conversation, AT, amy), message,
                new ParticipantAccessChanged(null, TENANT, conversation, AT, amy), message,
                new ParticipantRemoved(null, TENANT, conversation, AT, "amy"), message);

        lookahead.at(0);
        assertThat(lookahead.participation(TENANT, conversation, "amy")).isEqualTo(NOT_PARTICIPANT);
        lookahead.at(2);
        assertThat(lookahead.participation(TENANT, conversation, "amy")).isEqualTo(PARTICIPANT);
        lookahead.at(4);
        assertThat(lookahead.participation(TENANT, conversation, "amy")).isEqualTo(PARTICIPANT);
        lookahead.at(6);
        assertThat(lookahead.participation(TENANT, conversation, "amy")).isEqualTo(NOT_TOLD);
        assertThat(lookahead.participation(TENANT, conversation, "bob")).isEqualTo(NOT_TOLD);
        assertThat(lookahead.participation("other-tenant", conversation, "amy")).isEqualTo(NOT_TOLD);
    }

    @Test
    void theEventsReadAfterTheBatchTellToo() {
        Lookahead lookahead = of(EventFixture.updated(conversation, "a1"), null)
                .followedBy(Arrays.asList(null, new ParticipantRemoved(null, TENANT, conversation, AT, "amy")));

        lookahead.at(0);
        assertThat(lookahead.participation(TENANT, conversation, "amy")).isEqualTo(PARTICIPANT);
    }

    @Test
    void aRemovedUsersAccountIsToldOnlyBeforeTheirRemoval() {
        Lookahead lookahead = of(EventFixture.updated(conversation, "a1"),
                new ClientUserRemoved(null, TENANT, null, AT, "carl", "a1"), EventFixture.updated(conversation, "a1"));

        lookahead.at(0);
        assertThat(lookahead.accountOfRemovedUser(TENANT, "carl")).contains("a1");
        lookahead.at(2);
        assertThat(lookahead.accountOfRemovedUser(TENANT, "carl")).isEmpty();
    }

    @Test
    void aConversationsAccountIsToldByItsCreationOrALaterDeletion() {
        ConversationId created = EventFixture.conversation();
        Lookahead lookahead = of(EventFixture.updated(conversation, "a1"),
                new ConversationCreated(null, TENANT, created, AT, "a9", "New"),
                new ConversationDeleted(null, TENANT, conversation, AT, "a1", List.of(), List.of()));

        lookahead.at(0);
        assertThat(lookahead.accountOfConversation(TENANT, conversation)).contains("a1");
        assertThat(lookahead.accountOfConversation(TENANT, created)).contains("a9");
        lookahead.at(2);
        assertThat(lookahead.accountOfConversation(TENANT, conversation)).isEmpty();
    }

    @Test
    void eachFactIsLoadedOncePerBatchEvenAcrossTheFollowingEvents() {
        Lookahead lookahead = of(EventFixture.updated(conversation, "a1"));
        Lookahead extended = lookahead.followedBy(List.of());
        AtomicInteger loads = new AtomicInteger();

        lookahead.facts().participantAccess(TENANT, conversation, "amy", () -> {
            loads.incrementAndGet();
            return Optional.empty();
        });
        Optional<Access> again = extended.facts().participantAccess(TENANT, conversation, "amy", () -> {
            loads.incrementAndGet();
            return Optional.of(Access.WRITE);
        });

        assertThat(loads).hasValue(1);
        assertThat(again).as("an absence is remembered too").isEmpty();
    }
}
