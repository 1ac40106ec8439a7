package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.EventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Decodes log records for the relay; one that can't be decoded (or is of an unknown type) comes out {@code null}. */
final class EventDecoder {

    private static final Logger log = LoggerFactory.getLogger(EventDecoder.class);

    private final EventCodec codec;

    EventDecoder(EventCodec codec) {
        this.codec = codec;
    }

    /** The event, or {@code null} for one to skip (logged). */
    MessagingEvent decode(EventRecord record) {
        try {
            MessagingEvent event = codec.decode(record);
            if (event == null) {
                log.debug("Skipping event {} of unknown type {}", record.position(), record.type());
            }
            return event;
        } catch (RuntimeException e) {
            log.warn("Skipping event {} of type {}: it can't be decoded", record.position(), record.type(), e);
            return null;
        }
    }

    /** The events by index of their records; {@code null} entries are events to skip. */
    List<MessagingEvent> decodeAll(List<EventRecord> batch) {
        return decodeAll(batch, record -> true);
    }

    /** Decodes the wanted records; the others come out {@code null}, as events to skip. */
    List<MessagingEvent> decodeAll(List<EventRecord> batch, Predicate<EventRecord> wanted) {
        List<MessagingEvent> events = new ArrayList<>(batch.size());
        for (EventRecord record : batch) {
            events.add(wanted.test(record) ? decode(record) : null);
        }
        return events;
    }

    /** Whether a logged post may be a client user's ({@link EventCodec#mayBeClientPost}), without decoding it. */
    boolean mayBeClientPost(EventRecord record) {
        return codec.mayBeClientPost(record);
    }
}
