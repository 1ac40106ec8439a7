package io.clientportal.messaging.internal;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.Webhooks;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.MessagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    private final Executor deliveryExecutor;
    /** The engine's own pool, shut down with it; {@code null} when the host gave the executor. */
    private final ExecutorService ownExecutor;
    private final int bufferSize;
    private final EventCodec codec;
    private final WebhookDispatcher webhookDispatcher;
    private final WebhookService webhooks;
    private final StatusReport status;
    private AutoCloseable commitSignals;
    /** Sends due notifications; {@code null} when notifications are off. */
    private NotificationDelivery notificationDelivery;
    private ReplyReceiver replies = new ReplyReceiver(null, id -> {
        throw new IllegalStateException("not started");
    });
    private final Map<String, TenantMessaging> tenants = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Settings of the event relay and webhooks.
     *
     * @param deliveryExecutor where events are handed to subscribers and notifiers; {@code null} for the engine's own
     *                         bounded pool (shut down with the engine)
     * @param bufferSize       how many events a subscriber (or notifier) may fall behind before it is cut off
     */
    public record EventSettings(Duration pollInterval, Duration gapTimeout, List<WebhookEndpoint> webhooks,
                                WebhookPolicy webhookPolicy, Executor deliveryExecutor, int bufferSize) {
        public EventSettings {
            webhooks = List.copyOf(webhooks);
        }

        public EventSettings(Duration pollInterval, Duration gapTimeout, List<WebhookEndpoint> webhooks,
                             WebhookPolicy webhookPolicy) {
            this(pollInterval, gapTimeout, webhooks, webhookPolicy, null,
                    io.clientportal.messaging.MessagingBuilder.DEFAULT_EVENT_BUFFER_SIZE);
        }
    }

    /** Settings of announcement delivery across nodes: the lease a delivering node holds, the sweep's interval. */
    public record AnnouncementSettings(Duration lease, Duration sweepInterval) {
    }

    /**
     * Settings of unread-message notifications: off without senders.
     *
     * @param settings   when and how
     * @param senders    the channels; none turns notifications off
     * @param recipients where addresses come from
     * @param replyTokens checks the tokens of replies by email; {@code null}: replies are refused
     */
    public record NotificationSetup(io.clientportal.messaging.NotificationSettings settings,
                                    List<io.clientportal.messaging.spi.NotificationSender> senders,
                                    io.clientportal.messaging.spi.RecipientDirectory recipients,
                                    io.clientportal.messaging.ReplyTokens replyTokens) {

        /** Notifications off. */
        public static final NotificationSetup NONE = new NotificationSetup(
                io.clientportal.messaging.NotificationSettings.defaults(), List.of(),
                io.clientportal.messaging.spi.RecipientDirectory.NONE);

        public NotificationSetup {
            senders = List.copyOf(senders);
        }

        /** Without replies by email. */
        public NotificationSetup(io.clientportal.messaging.NotificationSettings settings,
                                 List<io.clientportal.messaging.spi.NotificationSender> senders,
                                 io.clientportal.messaging.spi.RecipientDirectory recipients) {
            this(settings, senders, recipients, null);
        }
    }

    /** Threads of the engine's own delivery pool. */
    public static final int DEFAULT_DELIVERY_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private MessagingEngine(MessagingStore store, AttachmentStore attachmentStore, ContentTypeDetector detector,
                            List<MessagingNotifier> notifiers, AccessPolicy policy, Clock clock,
                            MessagingLimits limits, EventSettings events, Duration housekeepingInterval,
                            AnnouncementSettings announcements, MessagingObservations observations) {
        this.store = store;
        Instrumentation instrumentation = new Instrumentation(observations, store);
        this.codec = new EventCodec();
        AccessCache cache = new AccessCache();
        this.ownExecutor = events.deliveryExecutor() == null ? newDeliveryPool() : null;
        this.deliveryExecutor = events.deliveryExecutor() != null ? events.deliveryExecutor() : ownExecutor;
        this.bufferSize = events.bufferSize();
        if (events.webhooks().isEmpty()) {
            this.webhookDispatcher = null;
            this.webhooks = new WebhookService(null, () -> {
            });
        } else {
            // Fails here, at start-up, when the store keeps no webhook deliveries.
            var deliveries = store.webhookDeliveries();
            this.webhookDispatcher = new WebhookDispatcher(deliveries, events.webhooks(), events.webhookPolicy(),
                    codec, events.pollInterval(), clock, instrumentation);
            this.webhooks = new WebhookService(deliveries, webhookDispatcher::wake);
        }
        Runnable wakeWebhooks = webhookDispatcher == null ? () -> {
        } : webhookDispatcher::wake;
        this.relay = new EventRelay(store, codec, cache, notifiers, events.pollInterval(), events.gapTimeout(),
                wakeWebhooks, deliveryExecutor, bufferSize, clock, instrumentation);
        this.announcementDelivery = new AnnouncementDelivery(store, limits.announcementChunkSize(), announcements);
        List<WebhookEndpoint> endpoints = events.webhooks();
        java.util.function.Function<String, List<String>> routing = endpoints.isEmpty() ? type -> List.of()
                : type -> endpoints.stream().filter(e -> e.accepts(type)).map(WebhookEndpoint::name).toList();
        Transactions transactions = new Transactions(store, codec, cache, () -> {
            relay.wake();
            wakeWebhooks.run();
            try {
                store.signalEventsCommitted();
            } catch (RuntimeException e) {
                log.debug("Could not signal committed events to other instances: {}", e.toString());
            }
        }, routing, instrumentation);
        this.context = new Context(transactions, new Authorizer(policy), cache, clock, limits, attachmentStore,
                detector, announcementDelivery, new EventRedaction(codec), instrumentation);
        this.visibility = new EventVisibility(context);
        relay.useVisibility(visibility);
        this.housekeeping = new Housekeeping(store, context, housekeepingInterval);
        this.status = new StatusReport(store, relay, webhookDispatcher != null, clock);
    }

    /**
     * A bounded pool: each subscriber and notifier has at most one task in it at a time, so its queue is bounded by
     * their number, and a listener that blocks holds one thread, not one per event.
     */
    private static ExecutorService newDeliveryPool() {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_DELIVERY_THREADS, DEFAULT_DELIVERY_THREADS,
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "messaging-event-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Builds and starts an engine; returns its default tenant's view. */
    public static Messaging start(MessagingStore store, AttachmentStore attachmentStore, ContentTypeDetector detector,
                                  List<MessagingNotifier> notifiers, AccessPolicy policy, Clock clock,
                                  MessagingLimits limits, EventSettings events, Duration housekeepingInterval,
                                  AnnouncementSettings announcements, MessagingObservations observations) {
        return start(store, attachmentStore, detector, notifiers, policy, clock, limits, events, housekeepingInterval,
                announcements, observations, NotificationSetup.NONE);
    }

    /** Builds and starts an engine with notifications; returns its default tenant's view. */
    public static Messaging start(MessagingStore store, AttachmentStore attachmentStore, ContentTypeDetector detector,
                                  List<MessagingNotifier> notifiers, AccessPolicy policy, Clock clock,
                                  MessagingLimits limits, EventSettings events, Duration housekeepingInterval,
                                  AnnouncementSettings announcements, MessagingObservations observations,
                                  NotificationSetup notifications) {
        return start(store, attachmentStore, detector, notifiers, policy, clock, limits, events, housekeepingInterval,
                announcements, observations, notifications, Context.DEFAULT_TEAM_DISPLAY_NAME);
    }

    /** Builds and starts an engine with notifications and the team's name in clients' read receipts. */
    public static Messaging start(MessagingStore store, AttachmentStore attachmentStore, ContentTypeDetector detector,
                                  List<MessagingNotifier> notifiers, AccessPolicy policy, Clock clock,
                                  MessagingLimits limits, EventSettings events, Duration housekeepingInterval,
                                  AnnouncementSettings announcements, MessagingObservations observations,
                                  NotificationSetup notifications, String teamDisplayName) {
        MessagingEngine engine = new MessagingEngine(store, attachmentStore, detector, notifiers, policy, clock,
                limits, events, housekeepingInterval, announcements, observations);
        engine.context.teamDisplayName = teamDisplayName;
        if (!notifications.senders().isEmpty()) {
            engine.context.notifications = new NotificationScheduling(notifications.settings());
            engine.notificationDelivery = new NotificationDelivery(store, engine.context, notifications.settings(),
                    notifications.senders(), notifications.recipients(), engine::tenant);
        }
        engine.replies = new ReplyReceiver(notifications.replyTokens(), engine::tenant);
        engine.relay.start();
        engine.commitSignals = store.listenForCommittedEvents(() -> {
            engine.relay.wake();
            if (engine.webhookDispatcher != null) {
                engine.webhookDispatcher.wake();
            }
        });
        if (engine.webhookDispatcher != null) {
            engine.webhookDispatcher.start();
        }
        engine.announcementDelivery.start(engine.context);
        engine.housekeeping.start();
        if (engine.notificationDelivery != null) {
            engine.notificationDelivery.start();
        }
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
        return new EventService(context, tenantId, store, relay, visibility, codec, deliveryExecutor, bufferSize);
    }

    io.clientportal.messaging.Notifications notifications(String tenantId) {
        return new NotificationService(context, tenantId,
                () -> notificationDelivery == null ? 0 : notificationDelivery.sendDue(),
                reply -> replies.receive(reply));
    }

    Webhooks webhooks() {
        return webhooks;
    }

    MessagingStatus status() {
        return status.now();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            housekeeping.close();
            if (notificationDelivery != null) {
                notificationDelivery.close();
            }
            announcementDelivery.close();
            if (commitSignals != null) {
                try {
                    commitSignals.close();
                } catch (Exception e) {
                    log.debug("Could not stop listening for commit signals: {}", e.toString());
                }
            }
            if (webhookDispatcher != null) {
                webhookDispatcher.close();
            }
            relay.close();
            if (ownExecutor != null) {
                ownExecutor.shutdownNow();
            }
            log.info("Messaging stopped");
        }
    }
}
