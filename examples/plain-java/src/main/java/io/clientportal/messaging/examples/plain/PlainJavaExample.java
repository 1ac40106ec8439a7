package io.clientportal.messaging.examples.plain;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;

import org.h2.jdbcx.JdbcConnectionPool;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The library without Spring: the JPA store on an H2 database file, a team and an organisation, a chat, an
 * announcement, and the agent's inbox printed. Each run starts from a new database under
 * {@code target/plain-java-example}.
 */
public final class PlainJavaExample {

    private PlainJavaExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        run(System.out, Path.of("target", "plain-java-example"));
    }

    /** Runs the example on a database in {@code directory}, printing the agent's inbox to {@code out}. */
    static void run(PrintStream out, Path directory) throws InterruptedException {
        // A pooled data source, as the store asks for; H2's own pool is enough here.
        JdbcConnectionPool dataSource = JdbcConnectionPool.create(
                "jdbc:h2:file:" + freshDatabase(directory).toAbsolutePath(), "sa", "");
        out.println("Database: " + directory.toAbsolutePath().resolve("messaging.mv.db"));
        try (JpaMessagingStore store = JpaMessagingStore.create(dataSource);    // applies the schema scripts
             Messaging messaging = Messaging.builder().store(store).build()) {
            chat(messaging, out);
        } finally {
            dataSource.dispose();
        }
    }

    private static void chat(Messaging messaging, PrintStream out) throws InterruptedException {
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

    /** Where the database goes, with the previous run's files removed so that every run prints the same. */
    private static Path freshDatabase(Path directory) {
        try {
            Files.createDirectories(directory);
            try (var old = Files.list(directory)) {
                for (Path file : old.filter(f -> f.getFileName().toString().startsWith("messaging.")).toList()) {
                    Files.delete(file);
                }
            }
            return directory.resolve("messaging");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
