package io.clientportal.messaging.internal;

import io.clientportal.messaging.LimitExceededException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes the bytes an attachment store reads, and fails as soon as they pass the size limit, so an
 * oversized upload is refused while streaming, never buffered whole.
 */
final class CappedDigestInputStream extends FilterInputStream {

    private final long maxBytes;
    private final MessageDigest digest;
    private long count;

    CappedDigestInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would bypass the digest");
    }

    private void count(int n) {
        count += n;
        if (count > maxBytes) {
            throw new LimitExceededException("attachment is larger than " + maxBytes + " bytes");
        }
    }

    long count() {
        return count;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
