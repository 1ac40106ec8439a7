package io.clientportal.messaging.internal;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One messaging engine: the store, the relay, background delivery and housekeeping, shared by every tenant view.
 * Made by {@code MessagingBuilder}; not API.
 */
public final class MessagingEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessagingEngine.class);

    /** The tenant of the instance the builder returns. */
    public static final String DEFAULT_TENANT = "default";

    private final Context context;
    private final MessagingStore store;
    private final EventRelay relay;
    private final EventVisibility visibility;
    private final AnnouncementDelivery announcementDelivery;
    private final Housekeeping housekeeping;
    private final ExecutorService deliveryExecutor;
    private final Map<String, TenantMessaging> tenants = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private MessagingEngine(MessagingStore store, AttachmentStore attachmentStore, List<MessagingNotifier> notifiers,
                            AccessPolicy policy, Clock clock, MessagingLimits limits, Duration pollInterval,
                            Duration housekeepingInterval) {
        this.store = store;
        EventCodec codec = new EventCodec();
        AccessCache cache = new AccessCache();
        this.relay = new EventRelay(store, codec, cache, notifiers, pollInterval);
        this.announcementDelivery = new AnnouncementDelivery(store, limits.announcementChunkSize());
        UnitOfWork uow = new UnitOfWork(store, codec, cache, relay::wake);
        this.context = new Context(uow, new Authorizer(policy), cache, clock, limits, attachmentStore,
                announcementDelivery);
        this.visibility = new EventVisibility(context);
        this.housekeeping = new Housekeeping(store, context, housekeepingInterval);
        AtomicInteger threads = new AtomicInteger();
        this.deliveryExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "messaging-event-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Builds and starts an engine; returns its default tenant's view. */
    public static Messaging start(MessagingStore store, AttachmentStore attachmentStore,
                                  List<MessagingNotifier> notifiers, AccessPolicy policy, Clock clock,
                                  MessagingLimits limits, Duration pollInterval, Duration housekeepingInterval) {
        MessagingEngine engine = new MessagingEngine(store, attachmentStore, notifiers, policy, clock, limits,
                pollInterval, housekeepingInterval);
        engine.relay.start();
        engine.announcementDelivery.start(engine.context);
        engine.housekeeping.start();
        log.info("Messaging started on {}", store.getClass().getSimpleName());
        return engine.tenant(DEFAULT_TENANT);
    }

    Messaging tenant(String tenantId) {
        String id = Checks.id(tenantId, "tenantId");
        return tenants.computeIfAbsent(id, key -> new TenantMessaging(this, key));
    }

    Context context() {
        return context;
    }

    EventService events(String tenantId) {
        return new EventService(context, tenantId, store, relay, visibility, deliveryExecutor);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            housekeeping.close();
            announcementDelivery.close();
            relay.close();
            deliveryExecutor.shutdownNow();
            log.info("Messaging stopped");
        }
    }
}
