package io.clientportal.messaging.spring.web;

import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Strong ETags from a file's bytes (SHA-256), so a new version of a file has a new tag whatever its time stamp says,
 * and a browser revalidating with {@code If-None-Match} gets a 304 exactly when it holds the current bytes. A file is
 * hashed again only when its time stamp or length changes.
 */
final class ContentEtags implements Function<Resource, String> {

    private final Map<String, Fingerprint> known = new ConcurrentHashMap<>();

    @Override
    public String apply(Resource resource) {
        try {
            String key = resource.getURL().toString();
            long modified = resource.lastModified();
            long length = resource.contentLength();
            Fingerprint seen = known.get(key);
            if (seen != null && seen.modified() == modified && seen.length() == length) {
                return seen.etag();
            }
            String etag = "\"" + sha256(resource) + "\"";
            known.put(key, new Fingerprint(modified, length, etag));
            return etag;
        } catch (IOException e) {
            // No tag: Last-Modified alone still lets the browser revalidate.
            return null;
        }
    }

    private static String sha256(Resource resource) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(resource.getInputStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What a tag was made from. */
    private record Fingerprint(long modified, long length, String etag) {
    }
}
