package io.clientportal.messaging;

import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start compiles, runs and says what it claims; and the README shows exactly this code. */
class QuickStartTests {

    @Test
    void theQuickStartRuns() {
        long unread = quickStart();
        assertThat(unread).isEqualTo(1);
    }

    // BEGIN QUICK START
    static long quickStart() {
        Messaging messaging = Messaging.builder().build();   // in memory; see the JPA store for a database
        Directory directory = messaging.directory();          // the host syncs its users in
        directory.upsertTeamMember("olivia", "Olivia", TeamRole.OWNER);
        Conversation acme = directory.createClientAccount("acme", "Acme Ltd", AccountKind.ORGANISATION);
        directory.addClientUser("acme", "alice", "Alice");

        Actor alice = Actor.clientUser("alice");
        Actor olivia = Actor.teamMember("olivia");
        messaging.events().subscribe(olivia, null, event -> System.out.println(event.type()));
        messaging.messages().post(alice, acme.id(), NewMessage.text("Hello!").withClientMessageId("m-1"));
        messaging.messages().post(olivia, acme.id(), NewMessage.text("Hi Alice, how can we help?"));
        long unread = messaging.messages().unreadTotal(alice);    // 1: Olivia's reply
        messaging.close();
        return unread;
    }
    // END QUICK START

    @Test
    void theReadmeShowsTheQuickStartVerbatim() throws IOException {
        Path readme = Path.of("..", "README.md");
        String source = Files.readString(Path.of("src/test/java/io/clientportal/messaging/QuickStartTests.java"));
        String body = source.substring(source.indexOf("    static long quickStart() {\n") + 32,
                source.indexOf("        return unread;"));
        List<String> lines = body.lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip()).toList();
        String readmeText = Files.readString(readme);
        assertThat(lines).hasSizeLessThanOrEqualTo(15);
        assertThat(readmeText).contains(String.join("\n", lines));
    }
}
