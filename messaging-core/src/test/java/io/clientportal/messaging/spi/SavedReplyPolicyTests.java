package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.NewSavedReply;
import io.clientportal.messaging.model.SavedReplyQuery;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who manages saved replies is the policy's {@link Permission#MANAGE_SAVED_REPLIES}; that clients never see them is
 * the core's rule, which no policy can lift.
 */
class SavedReplyPolicyTests {

    /** The standard table, but agents manage saved replies too, and a client would be allowed everything. */
    private static final AccessPolicy GENEROUS = request -> request.permission() == Permission.MANAGE_SAVED_REPLIES
            ? AccessDecision.ALLOW : new StandardAccessPolicy().decide(request);

    @Test
    void aPolicyDecidesWhoManagesThemButNeverShowsThemToClients() {
        try (Messaging messaging = Messaging.builder().accessPolicy(GENEROUS).build()) {
            messaging.directory().upsertTeamMember("agent", "Aiden Agent", TeamRole.AGENT);
            messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL);
            messaging.directory().addClientUser("acme", "alice", "Alice");
            Actor agent = Actor.teamMember("agent");
            Actor alice = Actor.clientUser("alice");

            var reply = messaging.savedReplies().create(agent, new NewSavedReply("Hi", "hi", "Hi"));

            assertThat(messaging.savedReplies().list(agent, SavedReplyQuery.byTitle())).containsExactly(reply);
            assertThatThrownBy(() -> messaging.savedReplies().create(alice, new NewSavedReply("Mine", "mine", "x")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> messaging.savedReplies().list(alice, SavedReplyQuery.byTitle()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> messaging.savedReplies().delete(alice, reply.id()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(messaging.savedReplies().get(agent, reply.id())).isEqualTo(reply);
        }
    }

    @Test
    void theStandardPolicyLetsOnlyOwnersAdminsAndManagersManageThem() {
        StandardAccessPolicy policy = new StandardAccessPolicy();
        for (TeamRole role : TeamRole.values()) {
            AccessDecision decision = policy.decide(new AccessRequest(Permission.MANAGE_SAVED_REPLIES,
                    Actor.teamMember("m"), role, false, null, false, false));
            assertThat(decision).as(role.name())
                    .isEqualTo(role.isManager() ? AccessDecision.ALLOW : AccessDecision.DENY);
        }
        assertThat(policy.decide(new AccessRequest(Permission.MANAGE_SAVED_REPLIES, Actor.clientUser("c"), null,
                true, null, false, false))).isEqualTo(AccessDecision.HIDE);
        assertThat(policy.decide(new AccessRequest(Permission.MANAGE_SAVED_REPLIES, Actor.teamMember("unknown"), null,
                false, null, false, false))).isEqualTo(AccessDecision.HIDE);
    }
}
