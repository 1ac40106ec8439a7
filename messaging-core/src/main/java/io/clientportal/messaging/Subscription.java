package io.clientportal.messaging;

/** An open subscription to the event feed. */
public interface Subscription extends AutoCloseable {

    /**
     * The id of the position this subscription started after: a client that has received no event yet resumes
     * here (as {@code lastEventId}) without missing anything. The SSE endpoint sends it first, as the id of a
     * {@code ready} event.
     */
    String startEventId();

    /** Whether events are still delivered. False after {@link #close()} or once the actor left the directory. */
    boolean isActive();

    /**
     * Runs {@code action} once when the subscription ends, for whatever reason ({@link #close()}, the actor left
     * the directory, the subscriber fell too far behind, the engine closed); at once if it already has.
     */
    void onClose(Runnable action);

    /** Stops delivery. Idempotent. */
    @Override
    void close();
}
