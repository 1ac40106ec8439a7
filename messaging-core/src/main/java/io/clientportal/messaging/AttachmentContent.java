package io.clientportal.messaging;

import io.clientportal.messaging.model.Attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** An opened attachment: its metadata and its bytes. Close it to release the stream. */
public final class AttachmentContent implements AutoCloseable {

    private final Attachment attachment;
    private final InputStream stream;

    public AttachmentContent(Attachment attachment, InputStream stream) {
        this.attachment = Objects.requireNonNull(attachment, "attachment must not be null");
        this.stream = Objects.requireNonNull(stream, "stream must not be null");
    }

    /** The attachment's metadata. */
    public Attachment attachment() {
        return attachment;
    }

    /** The bytes. */
    public InputStream stream() {
        return stream;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
