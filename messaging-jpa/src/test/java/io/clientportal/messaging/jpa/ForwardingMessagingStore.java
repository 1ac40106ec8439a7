package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.WebhookDeliveryStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A store that hands every call to another: tests override the one call they instrument (a held commit, a killed
 * connection) and keep everything else, including the SPI's default methods, as the real store does it.
 */
abstract class ForwardingMessagingStore implements MessagingStore {

    protected final MessagingStore delegate;

    ForwardingMessagingStore(MessagingStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
        return delegate.inTransaction(tenantId, work);
    }

    @Override
    public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
        return delegate.read(tenantId, work);
    }

    @Override
    public List<EventRecord> eventsAfter(long afterPosition, int limit) {
        return delegate.eventsAfter(afterPosition, limit);
    }

    @Override
    public List<EventRecord> eventsAt(Collection<Long> positions) {
        return delegate.eventsAt(positions);
    }

    @Override
    public long lastEventPosition() {
        return delegate.lastEventPosition();
    }

    @Override
    public long firstEventPosition() {
        return delegate.firstEventPosition();
    }

    @Override
    public int pruneEvents(Instant before, int limit) {
        return delegate.pruneEvents(before, limit);
    }

    @Override
    public List<PendingAnnouncement> unfinishedAnnouncements(int limit) {
        return delegate.unfinishedAnnouncements(limit);
    }

    @Override
    public List<PendingAnnouncement> claimAnnouncements(String owner, Instant now, Instant leaseUntil, int limit) {
        return delegate.claimAnnouncements(owner, now, leaseUntil, limit);
    }

    @Override
    public List<AttachmentRow> deleteUnreferencedAttachments(Instant uploadedBefore, int limit) {
        return delegate.deleteUnreferencedAttachments(uploadedBefore, limit);
    }

    @Override
    public void signalEventsCommitted() {
        delegate.signalEventsCommitted();
    }

    @Override
    public void afterTransaction(Runnable committed, Runnable rolledBack) {
        delegate.afterTransaction(committed, rolledBack);
    }

    @Override
    public AutoCloseable listenForCommittedEvents(Runnable listener) {
        return delegate.listenForCommittedEvents(listener);
    }

    @Override
    public WebhookDeliveryStore webhookDeliveries() {
        return delegate.webhookDeliveries();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
