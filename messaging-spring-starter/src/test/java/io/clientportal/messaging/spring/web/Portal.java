package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.TeamRole;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test's world, synchronised into the directory as a host would: a client account with its conversation and
 * client user, another account, and a team with every role and access of the authorisation table. Ids carry a
 * per-test suffix, so tests sharing a server never see each other's data.
 */
final class Portal {

    /** The columns of the authorisation table. */
    enum Who {
        OWNER, ADMIN, MANAGER, AGENT_WRITE, AGENT_READ_ONLY, WATCHER, TEAM_NOT_ADDED, CLIENT_OF_ACCOUNT,
        OTHER_CLIENT, STRANGER
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String suffix = "t" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    final String account = "acme-" + suffix;
    final String otherAccount = "globex-" + suffix;
    final Conversation conversation;
    final Conversation otherConversation;
    private final Messaging messaging;

    Portal(Messaging messaging) {
        this.messaging = messaging;
        messaging.directory().upsertTeamMember(id(Who.OWNER), "Olivia Owner", TeamRole.OWNER);
        messaging.directory().upsertTeamMember(id(Who.ADMIN), "Adam Admin", TeamRole.ADMIN);
        messaging.directory().upsertTeamMember(id(Who.MANAGER), "Mark Manager", TeamRole.MANAGER);
        messaging.directory().upsertTeamMember(id(Who.AGENT_WRITE), "Alice Agent", TeamRole.AGENT);
        messaging.directory().upsertTeamMember(id(Who.AGENT_READ_ONLY), "Rob Reader", TeamRole.AGENT);
        messaging.directory().upsertTeamMember(id(Who.WATCHER), "Walt Watcher", TeamRole.WATCHER);
        messaging.directory().upsertTeamMember(id(Who.TEAM_NOT_ADDED), "Nina Notadded", TeamRole.AGENT);
        conversation = messaging.directory().createClientAccount(account, "Acme Ltd", AccountKind.ORGANISATION);
        messaging.directory().addClientUser(account, id(Who.CLIENT_OF_ACCOUNT), "Cathy Client");
        otherConversation = messaging.directory().createClientAccount(otherAccount, "Globex", AccountKind.INDIVIDUAL);
        messaging.directory().addClientUser(otherAccount, id(Who.OTHER_CLIENT), "Dan Other");
        Actor owner = actor(Who.OWNER);
        messaging.conversations().addParticipant(owner, conversation.id(), id(Who.AGENT_WRITE), Access.WRITE);
        messaging.conversations().addParticipant(owner, conversation.id(), id(Who.AGENT_READ_ONLY), Access.READ_ONLY);
        messaging.conversations().addParticipant(owner, conversation.id(), id(Who.WATCHER), Access.READ_ONLY);
    }

    String id(Who who) {
        return switch (who) {
            case OWNER -> "olivia-" + suffix;
            case ADMIN -> "adam-" + suffix;
            case MANAGER -> "mark-" + suffix;
            case AGENT_WRITE -> "alice-" + suffix;
            case AGENT_READ_ONLY -> "rob-" + suffix;
            case WATCHER -> "walt-" + suffix;
            case TEAM_NOT_ADDED -> "nina-" + suffix;
            case CLIENT_OF_ACCOUNT -> "cathy-" + suffix;
            case OTHER_CLIENT -> "dan-" + suffix;
            case STRANGER -> "eve-" + suffix;
        };
    }

    Actor actor(Who who) {
        return switch (who) {
            case CLIENT_OF_ACCOUNT, OTHER_CLIENT, STRANGER -> Actor.clientUser(id(who));
            default -> Actor.teamMember(id(who));
        };
    }

    String conversationPath() {
        return "/conversations/" + conversation.id();
    }
}
