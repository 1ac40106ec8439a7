package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.memory.InMemoryAttachmentStore;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.MessagingStore;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.state.ActionChain;

import java.time.Duration;
import java.time.Instant;

/**
 * The model-based test every {@link MessagingStore} should pass: random sequences of directory changes,
 * participant changes, posts (with and without keys, retries, refused ones), edits and deletes across the edit
 * window, reads and announcements, by every kind of actor, each step checked against a small reference model of
 * ARCHITECTURE.md's rules: the outcome and exception type, history, unread counts, inboxes, announcement stats
 * and what each event subscriber receives. A failure prints the shrunk sequence of steps. A store's test
 * subclasses it like {@link MessagingStoreContractTests}:
 *
 * <pre>{@code
 * class MyStoreModelTests extends MessagingModelTests {
 *     protected MessagingStore createStore() { return new MyStore(...); }
 * }
 * }</pre>
 *
 * It runs on jqwik's engine ({@code net.jqwik:jqwik} comes with the kit; the JUnit Platform runs it next to
 * Jupiter's).
 * {@code -Dmessaging.model.steps=N} sets how many steps in all ({@link #defaultSteps()} otherwise), spread over
 * {@value #RUNS} runs, each in a tenant of its own of one engine over the store.
 */
public abstract class MessagingModelTests {

    /** How many action sequences a property check tries. */
    static final int RUNS = 50;

    private MessagingStore store;
    private AttachmentStore attachmentStore;
    private SteppingClock clock;
    private Messaging engine;
    private ModelRun current;

    /** A store to test, created once for the class. */
    protected abstract MessagingStore createStore();

    /** Releases the store after the class; the default closes it. */
    protected void closeStore(MessagingStore store) {
        store.close();
    }

    /** The attachment store used with it; in memory by default. */
    protected AttachmentStore createAttachmentStore() {
        return new InMemoryAttachmentStore();
    }

    /** How many steps in all, unless {@code -Dmessaging.model.steps} says otherwise. */
    protected int defaultSteps() {
        return 10_000;
    }

    @BeforeProperty
    void startEngine() {
        store = createStore();
        attachmentStore = createAttachmentStore();
        clock = new SteppingClock(Instant.now());
        engine = Messaging.builder().store(store).attachmentStore(attachmentStore).clock(clock)
                .eventPollInterval(Duration.ofMillis(200)).build();
    }

    @AfterProperty
    void stopEngine() {
        closeRun();
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            closeStore(store);
        }
    }

    @Property(tries = RUNS, edgeCases = EdgeCasesMode.NONE)
    void theLibraryBehavesAsTheModelSays(@ForAll("runs") ActionChain<ModelRun> chain) {
        try {
            chain.withInvariant("the library agrees with the model", ModelRun::afterStep).run().finish();
        } finally {
            closeRun();
        }
    }

    @Provide
    Arbitrary<ActionChain<ModelRun>> runs() {
        int steps = Integer.getInteger("messaging.model.steps", defaultSteps());
        return ModelActions.chains(this::newRun, Math.max(1, (steps + RUNS - 1) / RUNS));
    }

    private ModelRun newRun() {
        closeRun();
        current = new ModelRun(engine, clock);
        return current;
    }

    private void closeRun() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
