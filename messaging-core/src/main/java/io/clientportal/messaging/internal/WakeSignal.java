package io.clientportal.messaging.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes a worker thread that otherwise looks again every so often (the event relay, the webhook dispatcher). A
 * wake-up that comes while the worker is busy is kept, so its next wait returns at once: nothing signalled is slept
 * through.
 */
final class WakeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition condition = lock.newCondition();
    private boolean woken;

    void wake() {
        lock.lock();
        try {
            woken = true;
            condition.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until woken or {@code millis} have passed; false if the thread was interrupted (it stays so). */
    boolean await(long millis) {
        lock.lock();
        try {
            if (!woken) {
                condition.await(millis, TimeUnit.MILLISECONDS);
            }
            woken = false;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
