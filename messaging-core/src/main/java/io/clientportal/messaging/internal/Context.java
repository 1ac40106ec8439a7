package io.clientportal.messaging.internal;

import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.spi.StoreTransaction;

import java.time.Clock;
import java.time.Instant;

/** What every service of every tenant shares: one per {@code Messaging} engine. */
final class Context {

    final Transactions transactions;
    final Authorizer authorizer;
    final AccessCache cache;
    final Clock clock;
    final Ids ids;
    final MessagingLimits limits;
    final AttachmentBytes attachmentBytes;
    final UploadTypes uploadTypes;
    final AnnouncementDelivery announcementDelivery;
    final EventRedaction redaction;
    final Instrumentation instrumentation;
    /** Set once by the engine before it starts; {@link NotificationScheduling#OFF} without senders. */
    NotificationScheduling notifications = NotificationScheduling.OFF;
    /** Set once by the engine before it starts: the name read receipts give the team as a whole, for clients. */
    String teamDisplayName = DEFAULT_TEAM_DISPLAY_NAME;

    /** The team's name in clients' read receipts unless the builder sets another. */
    static final String DEFAULT_TEAM_DISPLAY_NAME =
            io.clientportal.messaging.MessagingBuilder.DEFAULT_TEAM_DISPLAY_NAME;

    Context(Transactions transactions, Authorizer authorizer, AccessCache cache, Clock clock, MessagingLimits limits,
            AttachmentStore attachmentStore, ContentTypeDetector detector, AnnouncementDelivery announcementDelivery,
            EventRedaction redaction, Instrumentation instrumentation) {
        this.transactions = transactions;
        this.authorizer = authorizer;
        this.cache = cache;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.limits = limits;
        this.attachmentBytes = new AttachmentBytes(attachmentStore);
        this.uploadTypes = new UploadTypes(detector);
        this.announcementDelivery = announcementDelivery;
        this.redaction = redaction;
        this.instrumentation = instrumentation;
    }

    /** Now, truncated to microseconds so that what a database stores equals what the core returned. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Facts for a read outside any unit of work: through the cache, a miss loaded in a unit of its own. Inside a
     * unit use {@link #cachedFacts(StoreTransaction)}: a second unit there would need a second connection while
     * the first is held, and callers holding every connection of a pool would wait for each other.
     */
    Facts cachedFacts(String tenantId) {
        return Facts.cached(tenantId, cache, new Facts.Reader() {
            @Override
            public <T> T read(java.util.function.Function<StoreTransaction, T> work) {
                return transactions.read(tenantId, tx -> work.apply(tx.store()));
            }
        });
    }

    /** Facts for a read inside the unit of work of {@code store}: through the cache, a miss loaded in that unit. */
    Facts cachedFacts(StoreTransaction store) {
        return Facts.cached(store.tenantId(), cache, new Facts.Reader() {
            @Override
            public <T> T read(java.util.function.Function<StoreTransaction, T> work) {
                return work.apply(store);
            }
        });
    }
}
