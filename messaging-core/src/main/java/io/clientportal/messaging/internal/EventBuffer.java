package io.clientportal.messaging.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded first-in-first-out buffer between one producer (the relay, or a catch-up read) and one consumer (a
 * {@link DeliveryLane}). It never blocks: what does not fit is refused, and the producer decides what falling behind
 * means. Holds nothing beyond its capacity, so a consumer that stops taking costs bounded memory.
 */
final class EventBuffer<T> {

    private final Queue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    EventBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Adds an item; false, adding nothing, when the buffer is full. */
    boolean offer(T item) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        items.add(item);
        return true;
    }

    /** The oldest item, or {@code null} when empty. */
    T poll() {
        T item = items.poll();
        if (item != null) {
            size.decrementAndGet();
        }
        return item;
    }

    int size() {
        return Math.max(0, size.get());
    }

    int capacity() {
        return capacity;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Drops everything held. */
    void clear() {
        while (poll() != null) {
            // dropping
        }
    }
}
