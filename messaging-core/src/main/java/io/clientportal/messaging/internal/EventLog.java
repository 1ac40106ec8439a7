package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;

import java.util.Collection;
import java.util.List;

/** The event log as the relay's parts read it (a view of {@link MessagingStore}'s log methods). */
interface EventLog {

    /** The most events one read of the log takes. */
    int BATCH = 500;

    /** Committed events after a position, ascending; see {@link MessagingStore#eventsAfter}. */
    List<EventRecord> after(long position, int limit);

    /** The committed events at these positions (those that exist), ascending; see {@link MessagingStore#eventsAt}. */
    List<EventRecord> at(Collection<Long> positions);

    /** The highest committed position, 0 if the log is empty. */
    long last();

    /** The lowest position still in the log, 0 if the log is empty. */
    long first();

    static EventLog of(MessagingStore store) {
        return new EventLog() {
            @Override
            public List<EventRecord> after(long position, int limit) {
                return store.eventsAfter(position, limit);
            }

            @Override
            public List<EventRecord> at(Collection<Long> positions) {
                return store.eventsAt(positions);
            }

            @Override
            public long last() {
                return store.lastEventPosition();
            }

            @Override
            public long first() {
                return store.firstEventPosition();
            }
        };
    }
}
