package io.clientportal.messaging.files;

import io.clientportal.messaging.spi.AttachmentStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Keeps attachment bytes as files under a root directory. Writes go to a temporary file that is moved into place
 * only once complete, so a failed or oversized upload leaves nothing behind. Keys are checked, so no key can
 * point outside the root.
 */
public final class FileSystemAttachmentStore implements AttachmentStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9-]+(/[A-Za-z0-9-]+)*");

    private final Path root;

    /**
     * @param root the directory to keep files in; created if missing
     */
    public FileSystemAttachmentStore(Path root) {
        this.root = Objects.requireNonNull(root, "root must not be null").toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create attachment directory " + this.root, e);
        }
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream read(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (NoSuchFileException ignored) {
            // already gone
        }
    }

    /** The directory files are kept in. */
    public Path root() {
        return root;
    }

    private Path resolve(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("unsafe attachment key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("unsafe attachment key: " + key);
        }
        return path;
    }
}
