package io.clientportal.messaging.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parts of event delivery, driven by hand: a manual executor, an injected clock. */
class DeliveryLaneTests {

    /** Runs queued tasks only when told to, on the test's thread. */
    static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }
    }

    @Test
    void aLaneQueuesOneTaskHoweverOftenItIsSignalledAndNeverRunsOnTheSignallingThread() {
        ManualExecutor executor = new ManualExecutor();
        AtomicInteger steps = new AtomicInteger();
        DeliveryLane lane = new DeliveryLane(executor, () -> {
            steps.incrementAndGet();
            return false;
        }, e -> { });

        for (int i = 0; i < 1_000; i++) {
            lane.signal();
        }

        assertThat(steps).hasValue(0);
        assertThat(executor.tasks).hasSize(1);
        executor.runAll();
        assertThat(steps).hasValue(1);
        lane.signal();
        assertThat(executor.tasks).hasSize(1);
    }

    @Test
    void aLaneWithWorkLeftGivesItsThreadBackAndQueuesAgainBehindOthers() {
        ManualExecutor executor = new ManualExecutor();
        List<String> order = new ArrayList<>();
        AtomicInteger busyLeft = new AtomicInteger(3);
        DeliveryLane busy = new DeliveryLane(executor, () -> {
            order.add("busy");
            return busyLeft.decrementAndGet() > 0;
        }, e -> { });
        DeliveryLane other = new DeliveryLane(executor, () -> {
            order.add("other");
            return false;
        }, e -> { });

        busy.signal();
        other.signal();
        executor.runAll();

        assertThat(order).containsExactly("busy", "other", "busy", "busy");
    }

    @Test
    void aSignalDuringAStepRunsTheStepAgain() {
        ManualExecutor executor = new ManualExecutor();
        AtomicInteger steps = new AtomicInteger();
        AtomicReference<DeliveryLane> self = new AtomicReference<>();
        self.set(new DeliveryLane(executor, () -> {
            if (steps.incrementAndGet() == 1) {
                self.get().signal();   // work added while the step runs
            }
            return false;
        }, e -> { }));

        self.get().signal();
        executor.runAll();

        assertThat(steps).hasValue(2);
        assertThat(executor.tasks).isEmpty();
    }

    @Test
    void aRefusingExecutorIsReportedAndTheLaneCanBeSignalledAgain() {
        AtomicInteger refusals = new AtomicInteger();
        DeliveryLane lane = new DeliveryLane(task -> {
            throw new RejectedExecutionException("full");
        }, () -> false, e -> refusals.incrementAndGet());

        lane.signal();
        lane.signal();

        assertThat(refusals).hasValue(2);
    }

    @Test
    void aBufferRefusesWhatDoesNotFitAndKeepsOrder() {
        EventBuffer<Integer> buffer = new EventBuffer<>(3);
        assertThat(buffer.offer(1)).isTrue();
        assertThat(buffer.offer(2)).isTrue();
        assertThat(buffer.offer(3)).isTrue();
        assertThat(buffer.offer(4)).isFalse();
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.poll()).isEqualTo(1);
        assertThat(buffer.offer(5)).isTrue();
        assertThat(List.of(buffer.poll(), buffer.poll(), buffer.poll())).containsExactly(2, 3, 5);
        assertThat(buffer.poll()).isNull();
        assertThat(buffer.isEmpty()).isTrue();
        buffer.offer(6);
        buffer.clear();
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aListenerIsStalledOnlyWhileOneCallRunsLongerThanTheLimit() {
        AtomicLong now = new AtomicLong(1_000);
        StallWatch watch = new StallWatch(now::get, Duration.ofSeconds(30));
        assertThat(watch.stalled()).isFalse();

        watch.enter();
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(watch.stalled()).isFalse();
        watch.exit();
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(watch.stalled()).as("idle is not stuck").isFalse();

        for (int i = 0; i < 100; i++) {   // busy, but every call returns quickly
            watch.enter();
            now.addAndGet(Duration.ofSeconds(1).toNanos());
            watch.exit();
        }
        assertThat(watch.stalled()).isFalse();

        watch.enter();
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(watch.stalled()).isTrue();
        watch.exit();
        assertThat(watch.stalled()).isFalse();
    }
}
