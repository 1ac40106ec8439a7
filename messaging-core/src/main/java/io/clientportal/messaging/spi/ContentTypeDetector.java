package io.clientportal.messaging.spi;

/**
 * Tells an upload's content type from its first bytes. The core never takes the uploader's declared type: what this
 * detector answers is the type that the allowlist ({@code MessagingLimits.allowedContentTypes}) decides on, that is
 * stored and that the download is served with. Whatever a detector answers for text, the core still refuses to call
 * markup (HTML, SVG, XML) or script by a harmless text type.
 *
 * <p>Implementations must be thread-safe. The default is {@link StandardContentTypeDetector}; the
 * {@code io.clientportal.messaging.tika} package has one backed by Apache Tika (tika-core on the classpath).
 */
public interface ContentTypeDetector {

    /** How many leading bytes the core reads for detection unless a detector asks for more: 8 KiB. */
    int DEFAULT_HEAD_SIZE = 8192;

    /**
     * The content type of an upload, from its bytes.
     *
     * @param head     the upload's first bytes; never {@code null}, never to be changed or kept
     * @param length   how many bytes of {@code head} are valid: at least 1, at most {@link #headSize()} (fewer when the
     *                 upload is shorter)
     * @param filename the sanitised file name, never {@code null}. It may only tell apart formats that the bytes leave
     *                 open (ZIP-based Office documents, CSV among plain texts), never decide a type alone
     * @return the detected type, lower case without parameters ({@code "image/png"}); {@code null} or
     *         {@code "application/octet-stream"} when the bytes are of no type this detector recognises
     */
    String detect(byte[] head, int length, String filename);

    /**
     * Whether {@link #detect} can answer {@code contentType} for some upload: the builder refuses at start-up an
     * allowed type for which this is false, as no upload could ever be accepted under it.
     *
     * @param contentType a type from the allowlist, never {@code null}
     */
    boolean recognises(String contentType);

    /** How many leading bytes {@link #detect} wants to see [{@link #DEFAULT_HEAD_SIZE}]; at least 1. */
    default int headSize() {
        return DEFAULT_HEAD_SIZE;
    }
}
