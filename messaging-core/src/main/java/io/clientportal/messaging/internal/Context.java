package io.clientportal.messaging.internal;

import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.spi.AttachmentStore;

import java.time.Clock;
import java.time.Instant;

/** What every service of every tenant shares: one per {@code Messaging} engine. */
final class Context {

    final UnitOfWork uow;
    final Authorizer authorizer;
    final AccessCache cache;
    final Clock clock;
    final Ids ids;
    final MessagingLimits limits;
    final AttachmentBytes attachmentBytes;
    final AnnouncementDelivery announcementDelivery;
    final EventRedaction redaction;

    Context(UnitOfWork uow, Authorizer authorizer, AccessCache cache, Clock clock, MessagingLimits limits,
            AttachmentStore attachmentStore, AnnouncementDelivery announcementDelivery, EventRedaction redaction) {
        this.uow = uow;
        this.authorizer = authorizer;
        this.cache = cache;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.limits = limits;
        this.attachmentBytes = new AttachmentBytes(attachmentStore);
        this.announcementDelivery = announcementDelivery;
        this.redaction = redaction;
    }

    /** Now, truncated to microseconds so that what a database stores equals what the core returned. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Facts for a read: through the cache, loaded in the given tenant's units of work. */
    Facts cachedFacts(String tenantId) {
        return Facts.cached(tenantId, cache, new Facts.Reader() {
            @Override
            public <T> T read(java.util.function.Function<io.clientportal.messaging.spi.StoreTransaction, T> work) {
                return uow.read(tenantId, tx -> work.apply(tx.store()));
            }
        });
    }
}
