package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The world every contract test starts from, in a tenant of its own: a team with every role, an organisation with
 * two users, an individual client and another organisation. In the organisation's conversation an agent has WRITE,
 * another agent READ_ONLY and the watcher READ; a third agent was never added.
 */
public final class ContractFixture {

    public final Messaging root;
    public final Messaging messaging;
    public final MutableClock clock;

    public final Actor owner = Actor.teamMember("owner");
    public final Actor admin = Actor.teamMember("admin");
    public final Actor manager = Actor.teamMember("manager");
    public final Actor agent = Actor.teamMember("agent");
    public final Actor readOnlyAgent = Actor.teamMember("agent-ro");
    public final Actor watcher = Actor.teamMember("watcher");
    public final Actor outsider = Actor.teamMember("agent-out");
    public final Actor stranger = Actor.teamMember("nobody");
    public final Actor alice = Actor.clientUser("alice");
    public final Actor bob = Actor.clientUser("bob");
    public final Actor ivan = Actor.clientUser("ivan");
    public final Actor olga = Actor.clientUser("olga");
    public final Actor ghost = Actor.clientUser("ghost");

    /** The organisation "acme" (alice, bob). */
    public final ConversationId acme;
    /** The individual "solo" (ivan). */
    public final ConversationId solo;
    /** The organisation "other" (olga). */
    public final ConversationId other;

    private final Supplier<Messaging> nodes;

    ContractFixture(Messaging root, MutableClock clock, Supplier<Messaging> nodes) {
        this.root = root;
        this.clock = clock;
        this.nodes = nodes;
        this.messaging = root.tenant("t-" + UUID.randomUUID());
        var directory = messaging.directory();
        directory.upsertTeamMember("owner", "Olivia Owner", TeamRole.OWNER);
        directory.upsertTeamMember("admin", "Adam Admin", TeamRole.ADMIN);
        directory.upsertTeamMember("manager", "Mona Manager", TeamRole.MANAGER);
        directory.upsertTeamMember("agent", "Aiden Agent", TeamRole.AGENT);
        directory.upsertTeamMember("agent-ro", "Rita Readonly", TeamRole.AGENT);
        directory.upsertTeamMember("watcher", "Walt Watcher", TeamRole.WATCHER);
        directory.upsertTeamMember("agent-out", "Otto Outside", TeamRole.AGENT);
        acme = directory.createClientAccount("acme", "Acme Ltd", AccountKind.ORGANISATION).id();
        directory.addClientUser("acme", "alice", "Alice");
        directory.addClientUser("acme", "bob", "Bob");
        solo = directory.createClientAccount("solo", "Ivan Solo", AccountKind.INDIVIDUAL).id();
        directory.addClientUser("solo", "ivan", "Ivan");
        other = directory.createClientAccount("other", "Other GmbH", AccountKind.ORGANISATION).id();
        directory.addClientUser("other", "olga", "Olga");
        var conversations = messaging.conversations();
        conversations.addParticipant(owner, acme, "agent", Access.WRITE);
        conversations.addParticipant(owner, acme, "agent-ro", Access.READ_ONLY);
        conversations.addParticipant(owner, acme, "watcher", Access.READ_ONLY);
    }

    /** Another engine over the same store (another application node), in this fixture's tenant; close it. */
    public Messaging newNode() {
        return nodes.get();
    }

    /** Posts a text message. */
    public Message post(Actor actor, ConversationId conversation, String text) {
        return messaging.messages().post(actor, conversation, NewMessage.text(text));
    }

    /** The whole history of a conversation as the owner sees it. */
    public List<Message> history(ConversationId conversation) {
        return messaging.messages().history(owner, conversation, HistoryQuery.latest(200)).items();
    }

    /** Every team actor and client actor of the fixture. */
    public List<Actor> everyone() {
        return List.of(owner, admin, manager, agent, readOnlyAgent, watcher, outsider, stranger, alice, bob, ivan,
                olga, ghost);
    }
}
