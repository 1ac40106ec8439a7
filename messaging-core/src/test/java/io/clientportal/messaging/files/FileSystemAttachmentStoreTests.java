package io.clientportal.messaging.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemAttachmentStoreTests {

    @TempDir
    Path root;

    @Test
    void storesReadsAndDeletesBytes() throws IOException {
        FileSystemAttachmentStore store = new FileSystemAttachmentStore(root);
        store.write("attachments/abc-123", new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));

        try (InputStream in = store.read("attachments/abc-123")) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        }
        store.delete("attachments/abc-123");
        store.delete("attachments/abc-123");
        assertThatThrownBy(() -> store.read("attachments/abc-123")).isInstanceOf(IOException.class);
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        FileSystemAttachmentStore store = new FileSystemAttachmentStore(root);
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.write("attachments/broken", failing)).isInstanceOf(IOException.class);

        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void keysCannotEscapeTheRoot() {
        FileSystemAttachmentStore store = new FileSystemAttachmentStore(root);
        for (String key : new String[]{"../escape", "/etc/passwd", "a/../../b", "a\\b", "", "a//b", "name.txt"}) {
            assertThatThrownBy(() -> store.write(key, new ByteArrayInputStream(new byte[1])))
                    .as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
