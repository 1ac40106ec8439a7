package io.clientportal.messaging.examples.plain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlainJavaExampleTests {

    @Test
    void theExamplePrintsTheAgentsInboxWithTheAnnouncementOnTop() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Path directory = Path.of("target", "plain-java-example-test");
        PlainJavaExample.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), directory);

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Inbox of Aiden:")
                .contains("Acme Ltd")
                .contains("Our office is closed on Friday.")
                .contains("unread=1");
        assertThat(directory.resolve("messaging.mv.db")).exists();
        assertThat(Files.size(directory.resolve("messaging.mv.db"))).isPositive();
    }
}
