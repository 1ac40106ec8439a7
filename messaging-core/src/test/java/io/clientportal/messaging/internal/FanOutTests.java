package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.AccessRequest;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.StandardAccessPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each committed event reaches the notifiers, and the subscribers whose actor the policy lets see it. */
class FanOutTests {

    private final EventFixture fixture = new EventFixture();
    private final ConversationId mine = EventFixture.conversation();
    private final ConversationId other = EventFixture.conversation();
    private final List<MessagingEvent> notified = new ArrayList<>();

    FanOutTests() {
        fixture.directory.member("amy", TeamRole.AGENT).member("bob", TeamRole.AGENT).member("mia", TeamRole.MANAGER)
                .user("carl", "a1").conversation(mine, "a1").conversation(other, "a2")
                .participant(mine, "amy", Access.WRITE);
    }

    private EventFixture.Received subscribe(EventRelay relay, EventVisibility visibility, Actor actor) {
        EventFixture.Received received = new EventFixture.Received();
        relay.register(fixture.subscription(actor, relay.position(), 100, visibility, relay, received));
        return received;
    }

    private EventRelay relay(AccessPolicy policy, List<EventFixture.Received> out, Actor... actors) {
        return relay(fixture.visibility(policy), out, actors);
    }

    private EventRelay relay(EventVisibility visibility, List<EventFixture.Received> out, Actor... actors) {
        NotifierLane notifier = new NotifierLane(notified::add, fixture.executor, 100);
        EventRelay relay = fixture.relay(visibility, Duration.ofSeconds(2), List.of(notifier));
        relay.pass();
        for (Actor actor : actors) {
            out.add(subscribe(relay, visibility, actor));
        }
        relay.pass();
        return relay;
    }

    @Test
    void eachSubscriberGetsTheEventsOfTheConversationsItMaySee() {
        List<EventFixture.Received> got = new ArrayList<>();
        EventRelay relay = relay(new StandardAccessPolicy(), got, Actor.teamMember("amy"), Actor.teamMember("bob"),
                Actor.teamMember("mia"), Actor.clientUser("carl"));
        fixture.log.commit(1, EventFixture.updated(mine, "a1"));
        fixture.log.commit(2, EventFixture.updated(other, "a2"));

        relay.pass();
        fixture.executor.runAll();

        assertThat(got.get(0).ids).as("amy, a participant of one").containsExactly("1");
        assertThat(got.get(1).ids).as("bob, a participant of none").isEmpty();
        assertThat(got.get(2).ids).as("mia, a manager").containsExactly("1", "2");
        assertThat(got.get(3).ids).as("carl, a client of a1").containsExactly("1");
        assertThat(notified).hasSize(2);
    }

    @Test
    void aPolicyThatHidesTheConversationKeepsItsEventsFromEverySubscriberButNotFromTheNotifiers() {
        List<EventFixture.Received> got = new ArrayList<>();
        EventRelay relay = relay(request -> AccessDecision.HIDE, got, Actor.teamMember("amy"),
                Actor.teamMember("mia"), Actor.clientUser("carl"));
        fixture.log.commit(1, EventFixture.updated(mine, "a1"));

        relay.pass();
        fixture.executor.runAll();

        assertThat(got).allSatisfy(received -> assertThat(received.ids).isEmpty());
        assertThat(notified).extracting(MessagingEvent::eventId).containsExactly("1");
    }

    @Test
    void theDecisionIsTheViewPermissionOverTheActorsRealFacts() {
        List<AccessRequest> asked = new ArrayList<>();
        AccessPolicy recording = request -> {
            asked.add(request);
            return new StandardAccessPolicy().decide(request);
        };
        List<EventFixture.Received> got = new ArrayList<>();
        EventRelay relay = relay(recording, got, Actor.teamMember("amy"), Actor.clientUser("carl"));
        fixture.log.commit(1, EventFixture.updated(mine, "a1"));
        asked.clear();

        relay.pass();

        assertThat(asked).containsOnly(
                new AccessRequest(Permission.VIEW, Actor.teamMember("amy"), TeamRole.AGENT, false, Access.WRITE,
                        false, false),
                new AccessRequest(Permission.VIEW, Actor.clientUser("carl"), null, true, null, false, false));
    }

    @Test
    void anotherNodesRemovalOrDemotionCutsTheMemberOffAtTheNextEventOfTheSameBatch() {
        List<EventFixture.Received> got = new ArrayList<>();
        EventRelay relay = relay(fixture.cachedVisibility(new StandardAccessPolicy()), got, Actor.teamMember("amy"),
                Actor.teamMember("mia"));
        fixture.log.commit(1, EventFixture.updated(mine, "a1"));
        fixture.log.commit(2, EventFixture.updated(other, "a2"));
        relay.pass();   // this node caches amy as a participant of mine and mia as a manager
        // Another node removes amy and demotes mia; this node's cache hears of it only as the relay passes it.
        fixture.directory.participants.get(mine).remove("amy");
        fixture.directory.member("mia", TeamRole.AGENT);
        fixture.log.commit(3, new ParticipantRemoved(null, EventFixture.TENANT, mine, EventFixture.AT, "amy"));
        fixture.log.commit(4, new TeamMemberChanged(null, EventFixture.TENANT, null, EventFixture.AT,
                new TeamMember("mia", "mia", TeamRole.AGENT)));
        fixture.log.commit(5, EventFixture.updated(mine, "a1"));
        fixture.log.commit(6, EventFixture.updated(other, "a2"));

        relay.pass();
        fixture.executor.runAll();

        assertThat(got.get(0).ids).as("amy: told of her removal, then nothing of mine").containsExactly("1", "3");
        assertThat(got.get(1).ids).as("mia: nothing once an agent of no conversation").containsExactly("1", "2", "3");
    }
}
