package io.clientportal.messaging.examples.plain;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The library without Spring: sets up a team and an organisation, chats, sends an announcement and prints the
 * agent's inbox.
 */
public final class PlainJavaExample {

    private PlainJavaExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        run(System.out);
    }

    /** Runs the example, printing to {@code out}; returns the agent's inbox as printed. */
    static void run(PrintStream out) throws InterruptedException {
        try (Messaging messaging = Messaging.builder().build()) {
            messaging.directory().upsertTeamMember("olivia", "Olivia (owner)", TeamRole.OWNER);
            messaging.directory().upsertTeamMember("aiden", "Aiden (agent)", TeamRole.AGENT);
            ConversationId acme = messaging.directory()
                    .createClientAccount("acme", "Acme Ltd", AccountKind.ORGANISATION).id();
            messaging.directory().addClientUser("acme", "alice", "Alice");
            messaging.directory().addClientUser("acme", "bob", "Bob");
            messaging.conversations().addParticipant(Actor.teamMember("olivia"), acme, "aiden", Access.WRITE);

            messaging.messages().post(Actor.clientUser("alice"), acme, NewMessage.text("Hi, where is my invoice?"));
            messaging.messages().post(Actor.teamMember("aiden"), acme, NewMessage.text("Sending it now, Alice."));
            Announcement sent = messaging.announcements().send(Actor.teamMember("olivia"),
                    NewAnnouncement.toAllClients("Our office is closed on Friday.").highlighted());
            awaitDelivered(messaging, sent);

            out.println("Inbox of Aiden:");
            for (ConversationSummary row : messaging.conversations()
                    .inbox(Actor.teamMember("aiden"), InboxQuery.first(20)).items()) {
                out.printf("  %-10s unread=%d  last: %s%n", row.conversation().clientName(), row.unreadCount(),
                        row.lastMessage() == null ? "-" : row.lastMessage().text());
            }
        }
    }

    private static void awaitDelivered(Messaging messaging, Announcement sent) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        // Delivery runs in the background; a real application would not wait for it.
        while (messaging.announcements().get(Actor.teamMember("olivia"), sent.id()).status()
                != Announcement.Status.DELIVERED && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }
}
