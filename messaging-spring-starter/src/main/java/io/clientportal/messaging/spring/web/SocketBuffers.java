package io.clientportal.messaging.spring.web;

import org.springframework.util.unit.DataSize;

/** {@code messaging.web.sse.socket-buffer-size}, checked once for every container that takes it. */
final class SocketBuffers {

    private SocketBuffers() {
    }

    /** The size in bytes. @throws IllegalArgumentException not positive, or beyond an {@code int} */
    static int bytes(DataSize size) {
        if (size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("messaging.web.sse.socket-buffer-size must be positive: " + size);
        }
        return (int) size.toBytes();
    }
}
