package io.clientportal.messaging.examples.plain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PlainJavaExampleTests {

    @Test
    void theExamplePrintsTheAgentsInboxWithTheAnnouncementOnTop() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PlainJavaExample.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Inbox of Aiden:")
                .contains("Acme Ltd")
                .contains("Our office is closed on Friday.")
                .contains("unread=1");
    }
}
