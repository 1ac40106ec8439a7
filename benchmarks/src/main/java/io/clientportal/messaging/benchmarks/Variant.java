package io.clientportal.messaging.benchmarks;

import java.util.function.Consumer;

/**
 * One way of doing every workload's work on the seeded data: the SDK through its public API, RAW in plain JDBC,
 * NAIVE on Spring Data JPA. Each call is one user-visible operation, done completely (authorised, committed).
 */
interface Variant extends AutoCloseable {

    /** The client user of conversation {@code conversation} posts {@code text} into it. */
    void post(long conversation, String text);

    /** The client user of the history conversation reads the 50 messages before {@code beforeSeq}. */
    int history(long beforeSeq);

    /** The agent reads the first inbox page of {@code size}, with last messages and unread counts. */
    int inbox(int size);

    /** The agent marks {@code conversation} read up to {@code seq}, then reads their unread total. */
    long markReadAndUnreadTotal(long conversation, long seq);

    /** The owner sends an announcement to every client; returns once it has been delivered to all. */
    void announceToAll(String text);

    /**
     * Calls {@code texts} with the text of every message posted from now on, as the variant's real-time delivery
     * hands it over, on this node or (if {@code otherNode}) on a second application node of the same database.
     *
     * @return the subscription, or {@code null} if the variant has no such delivery
     */
    AutoCloseable subscribe(boolean otherNode, Consumer<String> texts);

    @Override
    void close();
}
