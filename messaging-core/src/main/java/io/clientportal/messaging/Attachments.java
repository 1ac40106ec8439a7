package io.clientportal.messaging;

import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;

import java.io.InputStream;

/**
 * Uploads and downloads. Upload first, then reference the id in a message or an announcement; uploads never
 * referenced expire.
 */
public interface Attachments {

    /**
     * Stores a file. The size cap is enforced while streaming; the type is detected from the bytes and checked
     * against the allowlist ({@code declaredContentType} is only a hint); the filename is sanitised.
     *
     * @throws LimitExceededException           if the content is larger than the limit
     * @throws UnsupportedContentTypeException if the detected type is not allowed
     */
    Attachment upload(Actor actor, String filename, String declaredContentType, InputStream content);

    /** Opens an attachment the actor may see; close the result. */
    AttachmentContent open(Actor actor, AttachmentId id);
}
