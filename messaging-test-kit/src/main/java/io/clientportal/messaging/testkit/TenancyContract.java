package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenants share the engine and nothing else. */
public abstract class TenancyContract extends Contract {

    @Test
    void anotherTenantSeesNoneOfThisTenantsData() {
        var w = world();
        Message message = w.post(w.alice, w.acme, "tenant A secret");
        Messaging tenantB = w.root.tenant("b-" + UUID.randomUUID());
        tenantB.directory().upsertTeamMember("owner", "Other Owner", TeamRole.OWNER);
        tenantB.directory().addClientUser(
                tenantB.directory().createClientAccount("acme", "Acme B", AccountKind.ORGANISATION).clientAccountId(),
                "alice", "Alice B");

        assertThat(tenantB.tenantId()).isNotEqualTo(w.messaging.tenantId());
        assertThatThrownBy(() -> tenantB.conversations().get(w.owner, w.acme)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tenantB.messages().edit(w.owner, message.id(), "x"))
                .isInstanceOf(NotFoundException.class);
        Conversation theirs = tenantB.conversations().conversationOf(w.alice, "acme");
        assertThat(theirs.id()).isNotEqualTo(w.acme);
        assertThat(tenantB.conversations().inbox(w.owner, InboxQuery.first(50)).items()).hasSize(1);
        assertThat(tenantB.messages().unreadTotal(w.owner)).isZero();
        assertThat(tenantB.directory().teamMember("agent")).isEmpty();
    }

    @Test
    void anAnnouncementToAllClientsStaysInItsTenant() {
        var w = world();
        Messaging tenantB = w.root.tenant("b-" + UUID.randomUUID());
        tenantB.directory().upsertTeamMember("owner", "Other Owner", TeamRole.OWNER);
        Conversation theirs = tenantB.directory().createClientAccount("x", "X", AccountKind.INDIVIDUAL);

        var sent = w.messaging.announcements().send(w.owner, NewAnnouncement.toAllClients("only tenant A"));
        assertThat(sent.targetCount()).isEqualTo(3);
        AnnouncementContract.awaitDelivered(w, sent.id());

        assertThat(tenantB.messages().history(w.owner, theirs.id(),
                io.clientportal.messaging.model.HistoryQuery.latest(10)).items()).isEmpty();
        assertThatThrownBy(() -> tenantB.announcements().get(w.owner, sent.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSameTenantIdGivesTheSameData() {
        var w = world();
        w.post(w.alice, w.acme, "shared");
        assertThat(w.root.tenant(w.messaging.tenantId()).messages().unreadTotal(w.agent)).isEqualTo(1);
        assertThat(w.root.tenantId()).isEqualTo("default");
    }
}
