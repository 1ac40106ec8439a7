package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.StandardAccessPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.clientportal.messaging.internal.EventFixture.AT;
import static io.clientportal.messaging.internal.EventFixture.TENANT;
import static io.clientportal.messaging.internal.EventVisibility.Verdict.DELIVER;
import static io.clientportal.messaging.internal.EventVisibility.Verdict.END;
import static io.clientportal.messaging.internal.EventVisibility.Verdict.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

class EventVisibilityTests {

    private final EventFixture fixture = new EventFixture();
    private final ConversationId conversation = EventFixture.conversation();
    private final AccessPolicy standard = new StandardAccessPolicy();

    EventVisibilityTests() {
        fixture.directory.member("amy", TeamRole.AGENT).member("bob", TeamRole.AGENT).member("mia", TeamRole.MANAGER)
                .member("wes", TeamRole.WATCHER).user("carl", "a1").user("dora", "a2")
                .conversation(conversation, "a1");
    }

    /** The verdict on the first of these events, the others following it in the log. */
    private EventVisibility.Verdict verdict(AccessPolicy policy, Actor actor, MessagingEvent... log) {
        Lookahead lookahead = new Lookahead(Arrays.asList(log));
        lookahead.at(0);
        return fixture.visibility(policy).verdict(actor, log[0], lookahead);
    }

    private MessagingEvent message() {
        return EventFixture.updated(conversation, "a1");
    }

    private AnnouncementDelivered announcementBy(String author) {
        return new AnnouncementDelivered(null, TENANT, null, AT, new AnnouncementId(UUID.randomUUID()), author, 3);
    }

    private ConversationDeleted deletion(List<String> participants, List<String> users) {
        return new ConversationDeleted(null, TENANT, conversation, AT, "a1", participants, users);
    }

    @Test
    void anAnnouncementsDeliveryIsSeenByItsAuthorAndWhoeverThePolicyLetsSendAnnouncements() {
        assertThat(verdict(standard, Actor.teamMember("amy"), announcementBy("amy"))).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.teamMember("mia"), announcementBy("amy"))).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.teamMember("bob"), announcementBy("amy"))).isEqualTo(SKIP);
        assertThat(verdict(standard, Actor.clientUser("carl"), announcementBy("amy"))).isEqualTo(SKIP);

        AccessPolicy agentsAnnounce = request -> request.permission() == Permission.SEND_ANNOUNCEMENT
                && request.role() == TeamRole.AGENT ? AccessDecision.ALLOW : AccessDecision.DENY;
        assertThat(verdict(agentsAnnounce, Actor.teamMember("bob"), announcementBy("amy"))).isEqualTo(DELIVER);
        assertThat(verdict(agentsAnnounce, Actor.teamMember("mia"), announcementBy("amy"))).isEqualTo(SKIP);
    }

    @Test
    void aDeletedConversationIsSeenByWhoCouldSeeItAsItsEventTells() {
        ConversationDeleted deleted = deletion(List.of("amy", "wes"), List.of("carl"));
        fixture.directory.accounts.clear();   // gone from the store
        fixture.directory.users.remove("carl");

        assertThat(verdict(standard, Actor.teamMember("amy"), deleted)).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.teamMember("wes"), deleted)).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.teamMember("mia"), deleted)).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.teamMember("bob"), deleted)).isEqualTo(SKIP);
        assertThat(verdict(standard, Actor.clientUser("carl"), deleted)).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.clientUser("dora"), deleted)).isEqualTo(SKIP);
    }

    @Test
    void aDeletedClientUserSeesTheDeletionWhenTheirRemovalFollowsIt() {
        fixture.directory.users.remove("carl");
        ConversationDeleted deleted = deletion(List.of(), List.of());

        assertThat(verdict(standard, Actor.clientUser("carl"), deleted,
                new ClientUserRemoved(null, TENANT, null, AT, "carl", "a1"))).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.clientUser("carl"), deleted)).isEqualTo(SKIP);
    }

    @Test
    void aPolicyThatHidesTheConversationHidesItsDeletionFromManagersToo() {
        AccessPolicy hiding = request -> AccessDecision.HIDE;

        assertThat(verdict(hiding, Actor.teamMember("mia"), deletion(List.of("mia"), List.of()))).isEqualTo(SKIP);
        assertThat(verdict(hiding, Actor.clientUser("carl"), deletion(List.of(), List.of("carl")))).isEqualTo(SKIP);
    }

    @Test
    void aMemberRemovedRightAfterAMessageIsShownTheMessage() {
        MessagingEvent removal = new ParticipantRemoved(null, TENANT, conversation, AT, "amy");

        assertThat(verdict(standard, Actor.teamMember("amy"), message(), removal)).isEqualTo(DELIVER);
        assertThat(verdict(standard, Actor.teamMember("amy"), message())).as("not a participant now").isEqualTo(SKIP);
        assertThat(verdict(standard, Actor.teamMember("amy"), removal)).as("told of their own removal")
                .isEqualTo(DELIVER);
    }

    @Test
    void aMemberAddedRightAfterAMessageIsNotShownTheMessage() {
        fixture.directory.participant(conversation, "bob", Access.WRITE);
        MessagingEvent addition = new ParticipantAdded(null, TENANT, conversation, AT,
                new Participant("bob", "bob", TeamRole.AGENT, Access.WRITE));

        assertThat(verdict(standard, Actor.teamMember("bob"), message(), addition)).isEqualTo(SKIP);
        assertThat(verdict(standard, Actor.teamMember("bob"), message())).isEqualTo(DELIVER);
    }

    @Test
    void whenTheLogTellsOnlyThatTheyWereAParticipantNoAccessIsMadeUp() {
        List<Access> asked = new ArrayList<>();
        AccessPolicy writersOnly = request -> {
            asked.add(request.participantAccess());
            return request.participantAccess() == Access.WRITE ? AccessDecision.ALLOW : AccessDecision.HIDE;
        };
        MessagingEvent removal = new ParticipantRemoved(null, TENANT, conversation, AT, "amy");

        assertThat(verdict(writersOnly, Actor.teamMember("amy"), message(), removal)).isEqualTo(SKIP);
        assertThat(asked).contains(Access.READ_ONLY);

        AccessPolicy participants = request -> request.participantAccess() != null ? AccessDecision.ALLOW
                : AccessDecision.HIDE;
        assertThat(verdict(participants, Actor.teamMember("amy"), message(), removal)).isEqualTo(DELIVER);
    }

    @Test
    void theSubscribersOwnRemovalEndsItsFeed() {
        MessagingEvent removed = new TeamMemberRemoved(null, TENANT, null, AT, "amy");

        assertThat(verdict(standard, Actor.teamMember("amy"), removed)).isEqualTo(END);
        assertThat(verdict(standard, Actor.teamMember("bob"), removed)).isEqualTo(SKIP);
        assertThat(verdict(standard, Actor.clientUser("carl"),
                new ClientUserRemoved(null, TENANT, null, AT, "carl", "a1"))).isEqualTo(END);
    }

    @Test
    void anUnknownActorOrAConversationThatDoesNotExistShowsNothing() {
        assertThat(verdict(standard, Actor.teamMember("nobody"), message())).isEqualTo(SKIP);
        assertThat(verdict(standard, Actor.teamMember("mia"), EventFixture.updated(EventFixture.conversation(),
                "a1"))).isEqualTo(SKIP);
    }

    /** The verdict on the event at {@code index} of a batch of these events, with facts loaded before the batch. */
    private EventVisibility.Verdict verdictAt(int index, AccessPolicy policy, Actor actor, MessagingEvent... batch) {
        Lookahead lookahead = new Lookahead(Arrays.asList(batch));
        lookahead.at(index);
        return fixture.visibility(policy).verdict(actor, batch[index], lookahead);
    }

    @Test
    void aMemberRemovedEarlierInTheBatchIsNotShownWhatFollowsTheirRemovalWhateverTheFactsStillSay() {
        // The facts predate the batch (another node's removal the cache has not heard of yet, or a stale fill).
        fixture.directory.participant(conversation, "amy", Access.WRITE);
        MessagingEvent removal = new ParticipantRemoved(null, TENANT, conversation, AT, "amy");

        assertThat(verdictAt(0, standard, Actor.teamMember("amy"), removal, message())).isEqualTo(DELIVER);
        assertThat(verdictAt(1, standard, Actor.teamMember("amy"), removal, message())).isEqualTo(SKIP);
        assertThat(verdictAt(1, standard, Actor.teamMember("amy"), message(), message())).as("no removal: facts hold")
                .isEqualTo(DELIVER);
    }

    @Test
    void anAccessChangedEarlierInTheBatchDecidesWithTheNewAccess() {
        fixture.directory.participant(conversation, "amy", Access.WRITE);
        AccessPolicy writersOnly = request -> request.participantAccess() == Access.WRITE ? AccessDecision.ALLOW
                : AccessDecision.HIDE;
        MessagingEvent downgrade = new ParticipantAccessChanged(null, TENANT, conversation, AT,
                new Participant("amy", "amy", TeamRole.AGENT, Access.READ_ONLY));

        assertThat(verdictAt(1, writersOnly, Actor.teamMember("amy"), downgrade, message())).isEqualTo(SKIP);
        assertThat(verdictAt(1, writersOnly, Actor.teamMember("amy"), message(), message())).isEqualTo(DELIVER);
    }

    @Test
    void aMemberAddedEarlierInTheBatchSeesWhatFollowsTheirAdditionWhateverTheFactsStillSay() {
        MessagingEvent addition = new ParticipantAdded(null, TENANT, conversation, AT,
                new Participant("bob", "bob", TeamRole.AGENT, Access.READ_ONLY));

        assertThat(verdictAt(0, standard, Actor.teamMember("bob"), addition, message())).isEqualTo(DELIVER);
        assertThat(verdictAt(1, standard, Actor.teamMember("bob"), addition, message())).isEqualTo(DELIVER);
    }

    @Test
    void aRoleLoweredEarlierInTheBatchDecidesWithTheLowerRole() {
        MessagingEvent demotion = new TeamMemberChanged(null, TENANT, null, AT,
                new TeamMember("mia", "mia", TeamRole.AGENT));

        assertThat(verdictAt(1, standard, Actor.teamMember("mia"), demotion, message())).isEqualTo(SKIP);
        assertThat(verdictAt(1, standard, Actor.teamMember("mia"), message(), message())).isEqualTo(DELIVER);
        assertThat(verdictAt(1, standard, Actor.teamMember("mia"),
                new TeamMemberRemoved(null, TENANT, null, AT, "mia"), message())).isEqualTo(SKIP);
    }

    @Test
    void aClientUserRemovedEarlierInTheBatchIsNotShownWhatFollows() {
        MessagingEvent removal = new ClientUserRemoved(null, TENANT, null, AT, "carl", "a1");

        assertThat(verdictAt(1, standard, Actor.clientUser("carl"), removal, message())).isEqualTo(SKIP);
        assertThat(verdictAt(1, standard, Actor.clientUser("carl"), message(), message())).isEqualTo(DELIVER);
    }
}
