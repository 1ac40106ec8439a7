package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.StandardAccessPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay offers an event only to the feeds that may see it: the team members' and those of the client users of
 * its conversation's account. What each feed gets, and the ids it gets it under, are as if it were offered all.
 */
class SubscriberRoutesTests {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);
    private static final int CLIENTS = 1_000;

    private final EventFixture fixture = new EventFixture();
    private final List<ConversationId> conversations = new ArrayList<>();
    /** The actors the policy was asked about, once per decision. */
    private final List<Actor> asked = new ArrayList<>();
    /** The client users whose facts were read (the cache's loader in the engine). */
    private final Set<String> usersRead = new HashSet<>();
    private final Map<String, EventFixture.Received> received = new HashMap<>();
    private final Map<String, SubscriptionImpl> subscriptions = new HashMap<>();
    private final EventVisibility visibility;
    private final EventRelay relay;

    SubscriberRoutesTests() {
        fixture.directory.member("mia", TeamRole.MANAGER).member("amy", TeamRole.AGENT);
        for (int i = 0; i < CLIENTS; i++) {
            ConversationId conversation = EventFixture.conversation();
            conversations.add(conversation);
            fixture.directory.user("u" + i, "a" + i).conversation(conversation, "a" + i);
        }
        fixture.directory.participant(conversations.get(0), "amy", Access.WRITE);
        AccessPolicy counting = request -> {
            asked.add(request.actor());
            return new StandardAccessPolicy().decide(request);
        };
        visibility = new EventVisibility(new Authorizer(counting), fixture.cache, tenant -> countingFacts(),
                fixture.directory.reads());
        relay = fixture.relay(visibility, GAP_TIMEOUT, List.of());
        relay.pass();
    }

    private Facts countingFacts() {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return fixture.directory.teamMember(id);
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                usersRead.add(id);
                return fixture.directory.clientUser(id);
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return fixture.directory.participantAccess(conversationId, teamMemberId);
            }
        };
    }

    private void subscribe(Actor actor) {
        EventFixture.Received got = new EventFixture.Received();
        SubscriptionImpl subscription = fixture.subscription(actor, relay.position(), 100, visibility, relay, got);
        received.put(actor.id(), got);
        subscriptions.put(actor.id(), subscription);
        relay.register(subscription);
    }

    private void subscribeEveryone() {
        subscribe(Actor.teamMember("mia"));
        subscribe(Actor.teamMember("amy"));
        for (int i = 0; i < CLIENTS; i++) {
            subscribe(Actor.clientUser("u" + i));
        }
        relay.pass();
    }

    private List<String> ids(String actor) {
        fixture.executor.runAll();
        return received.get(actor).ids;
    }

    private void post(long position, int client) {
        fixture.log.commit(position, EventFixture.updated(conversations.get(client), "a" + client));
    }

    @Test
    void anEventOfOneClientsConversationIsDecidedForThatClientsFeedAndTheTeamsOnly() {
        subscribeEveryone();
        asked.clear();
        usersRead.clear();

        post(1, 7);
        post(2, 0);
        relay.pass();

        assertThat(asked).as("no other client's feed is decided")
                .extracting(Actor::id).containsOnly("u7", "u0", "mia", "amy");
        assertThat(usersRead).as("only the clients the events reach are looked up").containsOnly("u7", "u0");
        assertThat(ids("u7")).containsExactly("1");
        assertThat(ids("u0")).containsExactly("2");
        assertThat(ids("mia")).containsExactly("1", "2");
        assertThat(ids("amy")).as("a participant of u0's conversation only").containsExactly("2");
        for (int i = 1; i < CLIENTS; i++) {
            if (i != 7) {
                assertThat(ids("u" + i)).as("u" + i).isEmpty();
            }
        }
    }

    @Test
    void aFeedNotOfferedTheEventsAroundAGapStillGetsTheLatePositionUnderThePlainId() {
        subscribe(Actor.clientUser("u1"));
        subscribe(Actor.clientUser("u2"));
        relay.pass();
        post(1, 1);
        post(3, 2);
        relay.pass();   // 1; holds 3 back behind the gap at 2
        fixture.nanos.addAndGet(GAP_TIMEOUT.toNanos());
        relay.pass();   // goes on without 2: both await it
        assertThat(ids("u2")).containsExactly("3~2");

        post(2, 1);
        fixture.nanos.addAndGet(GapTracker.LATE_CHECK.toNanos());
        relay.pass();   // 2 committed late, in u1's conversation
        post(4, 1);
        post(5, 2);
        relay.pass();

        assertThat(ids("u1")).as("u1 was not offered 3, yet awaits 2 no more once it came")
                .containsExactly("1", "2", "4");
        assertThat(ids("u2")).as("u2 was not offered 2, and awaits it no more either").containsExactly("3~2", "5");
        assertThat(subscriptions.get("u1").awaited()).isEmpty();
        assertThat(subscriptions.get("u2").awaited()).isEmpty();
    }

    @Test
    void aClientUserUnknownWhenSubscribingGetsTheirConversationOnceAdded() {
        subscribe(Actor.clientUser("dora"));
        relay.pass();
        post(1, 3);
        relay.pass();

        fixture.directory.user("dora", "a3");
        fixture.log.commit(2, new ClientUserChanged(null, EventFixture.TENANT, null, EventFixture.AT,
                new ClientUser("dora", "a3", "Dora")));
        post(3, 3);
        post(4, 4);
        relay.pass();
        asked.clear();
        post(5, 5);
        relay.pass();

        assertThat(ids("dora")).containsExactly("3");
        assertThat(asked).as("filed under a3 once added").extracting(Actor::id).doesNotContain("dora");
    }

    @Test
    void aParticipantRemovedStopsGettingTheConversationAtOnce() {
        subscribeEveryone();
        post(1, 0);
        fixture.directory.participants.get(conversations.get(0)).remove("amy");
        fixture.log.commit(2, new ParticipantRemoved(null, EventFixture.TENANT, conversations.get(0), EventFixture.AT,
                "amy"));
        post(3, 0);
        relay.pass();

        assertThat(ids("amy")).as("what came before the removal, and the removal").containsExactly("1", "2");
        assertThat(ids("u0")).containsExactly("1", "2", "3");
    }

    @Test
    void aRemovedClientUsersFeedEndsAtTheirRemovalAndGetsNothingAfter() {
        subscribe(Actor.clientUser("u1"));
        subscribe(Actor.clientUser("u2"));
        relay.pass();
        post(1, 1);
        relay.pass();
        assertThat(ids("u1")).containsExactly("1");

        fixture.directory.users.remove("u1");
        fixture.log.commit(2, new ClientUserRemoved(null, EventFixture.TENANT, null, EventFixture.AT, "u1", "a1"));
        post(3, 1);
        relay.pass();

        assertThat(ids("u1")).as("nothing after the removal").containsExactly("1");
        assertThat(subscriptions.get("u1").isActive()).isFalse();
        assertThat(subscriptions.get("u2").isActive()).as("another client's feed goes on").isTrue();
    }
}
