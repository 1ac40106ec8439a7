package io.clientportal.messaging.model;

/**
 * An uploaded file.
 *
 * @param id          the attachment's id
 * @param filename    the sanitised file name, for display and downloads only (never a storage path)
 * @param contentType the type detected from the bytes (not the uploader's claim)
 * @param size        the size in bytes
 * @param sha256      the lower-case hex SHA-256 of the bytes
 */
public record Attachment(AttachmentId id, String filename, String contentType, long size, String sha256) {
}
