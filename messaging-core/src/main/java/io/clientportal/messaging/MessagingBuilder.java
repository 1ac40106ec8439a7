package io.clientportal.messaging;

import io.clientportal.messaging.internal.MessagingEngine;
import io.clientportal.messaging.memory.InMemoryAttachmentStore;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.StandardAccessPolicy;
import io.clientportal.messaging.spi.StandardContentTypeDetector;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Configures and starts a {@link Messaging} engine. Every setter is optional; {@link #build()} starts the
 * engine's background work (event relay, announcement delivery, housekeeping), which
 * {@link Messaging#close()} stops.
 */
public final class MessagingBuilder {

    /** How often the relay looks at the log when nothing woke it (commits on other nodes): 1 second. */
    public static final Duration DEFAULT_EVENT_POLL_INTERVAL = Duration.ofSeconds(1);
    /**
     * How long the relay holds back later events while a lower position has not committed (its unit of work may
     * still be open, or rolled back): 2 seconds.
     */
    public static final Duration DEFAULT_EVENT_GAP_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How many events a subscriber may fall behind the live feed before it is closed with a {@code StreamReset} it
     * resumes from: 10,000. Also the most events a notifier may fall behind before it misses some.
     */
    public static final int DEFAULT_EVENT_BUFFER_SIZE = 10_000;

    /** The name clients' read receipts give the team as a whole unless set. */
    public static final String DEFAULT_TEAM_DISPLAY_NAME = "Team";
    /** The smallest event buffer: the relay hands events on in batches of up to 500. */
    public static final int MIN_EVENT_BUFFER_SIZE = 1_000;
    /** How often expired uploads and old events are cleaned up: 5 minutes. */
    public static final Duration DEFAULT_HOUSEKEEPING_INTERVAL = Duration.ofMinutes(5);
    /**
     * How long a node's claim on an announcement's delivery keeps other nodes off it without a renewal (the holder
     * renews it with every chunk): 15 seconds. A node that dies mid-delivery is taken over after about this long.
     */
    public static final Duration DEFAULT_ANNOUNCEMENT_LEASE = Duration.ofSeconds(15);
    /** How often every node looks for announcements that no node delivers (unclaimed, or leases run out): 5 s. */
    public static final Duration DEFAULT_ANNOUNCEMENT_SWEEP_INTERVAL = Duration.ofSeconds(5);

    private MessagingStore store;
    private AttachmentStore attachmentStore;
    private ContentTypeDetector contentTypeDetector = new StandardContentTypeDetector();
    private final List<MessagingNotifier> notifiers = new ArrayList<>();
    private AccessPolicy accessPolicy = new StandardAccessPolicy();
    private Clock clock = Clock.systemUTC();
    private MessagingLimits limits = MessagingLimits.defaults();
    private String teamDisplayName = DEFAULT_TEAM_DISPLAY_NAME;
    private Duration eventPollInterval = DEFAULT_EVENT_POLL_INTERVAL;
    private Duration housekeepingInterval = DEFAULT_HOUSEKEEPING_INTERVAL;
    private Duration eventGapTimeout = DEFAULT_EVENT_GAP_TIMEOUT;
    private Duration announcementLease = DEFAULT_ANNOUNCEMENT_LEASE;
    private Duration announcementSweepInterval = DEFAULT_ANNOUNCEMENT_SWEEP_INTERVAL;
    private final List<WebhookEndpoint> webhooks = new ArrayList<>();
    private WebhookPolicy webhookPolicy = WebhookPolicy.defaults();
    private Executor eventDeliveryExecutor;
    private int eventBufferSize = DEFAULT_EVENT_BUFFER_SIZE;
    private MessagingObservations observations = MessagingObservations.NONE;
    private NotificationSettings notificationSettings = NotificationSettings.defaults();
    private ReplyTokens replyTokens;
    private final List<io.clientportal.messaging.spi.NotificationSender> notificationSenders = new ArrayList<>();
    private io.clientportal.messaging.spi.RecipientDirectory recipientDirectory =
            io.clientportal.messaging.spi.RecipientDirectory.NONE;

    MessagingBuilder() {
    }

    /** Where data lives [a new {@link InMemoryMessagingStore}]. */
    public MessagingBuilder store(MessagingStore store) {
        this.store = Objects.requireNonNull(store, "store must not be null");
        return this;
    }

    /** Where attachment bytes live [in memory]. */
    public MessagingBuilder attachmentStore(AttachmentStore store) {
        this.attachmentStore = Objects.requireNonNull(store, "attachmentStore must not be null");
        return this;
    }

    /**
     * What tells an upload's type from its bytes [{@link StandardContentTypeDetector}]; for formats beyond it (CSV,
     * video, HEIC, ...) {@code io.clientportal.messaging.tika.TikaContentTypeDetector} with tika-core on the
     * classpath. {@link #build()} refuses an allowed content type that this detector can't recognise.
     */
    public MessagingBuilder contentTypeDetector(ContentTypeDetector detector) {
        this.contentTypeDetector = Objects.requireNonNull(detector, "contentTypeDetector must not be null");
        return this;
    }

    /** Adds a receiver of every committed event; may be called more than once. */
    public MessagingBuilder notifier(MessagingNotifier notifier) {
        notifiers.add(Objects.requireNonNull(notifier, "notifier must not be null"));
        return this;
    }

    /** Who may do what [{@link StandardAccessPolicy}, the table in the architecture]. */
    public MessagingBuilder accessPolicy(AccessPolicy policy) {
        this.accessPolicy = Objects.requireNonNull(policy, "accessPolicy must not be null");
        return this;
    }

    /** The time source [system UTC]. */
    public MessagingBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        return this;
    }

    /** Limits [{@link MessagingLimits#defaults()}]. */
    public MessagingBuilder limits(MessagingLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits must not be null");
        return this;
    }

    /**
     * The name clients' read receipts give the team as a whole ({@link Messages#readReceipts}) [{@value
     * #DEFAULT_TEAM_DISPLAY_NAME}].
     */
    public MessagingBuilder teamDisplayName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("teamDisplayName must not be blank");
        }
        this.teamDisplayName = name;
        return this;
    }

    /** How often the relay polls the log when not woken [{@link #DEFAULT_EVENT_POLL_INTERVAL}]. */
    public MessagingBuilder eventPollInterval(Duration interval) {
        this.eventPollInterval = positive(interval, "eventPollInterval");
        return this;
    }

    /**
     * How long the relay holds back later events while a lower position has not committed
     * [{@link #DEFAULT_EVENT_GAP_TIMEOUT}]. A position that commits after the wait is still delivered, late.
     */
    public MessagingBuilder eventGapTimeout(Duration timeout) {
        this.eventGapTimeout = positive(timeout, "eventGapTimeout");
        return this;
    }

    /**
     * Where events are handed to subscribers' listeners and to notifiers [the engine's own pool of a few daemon
     * threads, stopped by {@link Messaging#close()}]. Each subscriber and each notifier has at most one task queued or
     * running at a time, so a listener that blocks (a client that stopped reading its socket) holds one thread until
     * it returns, and never delays the relay or other subscribers while threads are left: give an executor with room
     * for the listeners that may block at once (virtual threads make that free). The executor must not run tasks on
     * the submitting thread (no caller-runs policy) and must queue rather than block; it is not shut down by
     * {@link Messaging#close()}. The Spring Boot starter passes the application's task executor.
     */
    public MessagingBuilder eventDeliveryExecutor(Executor executor) {
        this.eventDeliveryExecutor = Objects.requireNonNull(executor, "eventDeliveryExecutor must not be null");
        return this;
    }

    /**
     * How many events each subscriber and notifier may have waiting [{@link #DEFAULT_EVENT_BUFFER_SIZE}]. A live
     * subscriber that falls further behind is closed, after a {@code StreamReset} whose id resumes right after the
     * last event it got, so it reconnects with that id and misses nothing; a subscriber catching up is paced by its
     * listener and never cut off for being behind. Memory per stuck subscriber is bounded by this many events. At
     * least {@link #MIN_EVENT_BUFFER_SIZE}.
     */
    public MessagingBuilder eventBufferSize(int events) {
        if (events < MIN_EVENT_BUFFER_SIZE) {
            throw new IllegalArgumentException("eventBufferSize must be at least " + MIN_EVENT_BUFFER_SIZE);
        }
        this.eventBufferSize = events;
        return this;
    }

    /**
     * Adds a webhook endpoint: every committed event it accepts is POSTed to it, signed, at least once; may be called
     * more than once (names must differ). Needs a store that keeps webhook deliveries (in memory, JPA).
     */
    public MessagingBuilder webhook(WebhookEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint must not be null");
        if (webhooks.stream().anyMatch(existing -> existing.name().equals(endpoint.name()))) {
            throw new IllegalArgumentException("a webhook endpoint named " + endpoint.name() + " is already added");
        }
        webhooks.add(endpoint);
        return this;
    }

    /** How webhooks are retried [{@link WebhookPolicy#defaults()}]. */
    public MessagingBuilder webhookPolicy(WebhookPolicy policy) {
        this.webhookPolicy = Objects.requireNonNull(policy, "webhookPolicy must not be null");
        return this;
    }

    /** How often housekeeping runs [{@link #DEFAULT_HOUSEKEEPING_INTERVAL}]. */
    public MessagingBuilder housekeepingInterval(Duration interval) {
        this.housekeepingInterval = positive(interval, "housekeepingInterval");
        return this;
    }

    /**
     * How long a node's claim on an announcement's delivery lasts without a renewal
     * [{@link #DEFAULT_ANNOUNCEMENT_LEASE}]: the longest another node waits before it takes over the delivery of a
     * node that died. Every node of an installation should use the same value.
     */
    public MessagingBuilder announcementLease(Duration lease) {
        this.announcementLease = positive(lease, "announcementLease");
        return this;
    }

    /**
     * How often this node looks for announcements that no node delivers and takes them over
     * [{@link #DEFAULT_ANNOUNCEMENT_SWEEP_INTERVAL}].
     */
    public MessagingBuilder announcementSweepInterval(Duration interval) {
        this.announcementSweepInterval = positive(interval, "announcementSweepInterval");
        return this;
    }

    /**
     * How the engine's work is observed (timers, spans) and where the trace context that webhook requests carry
     * comes from [{@link MessagingObservations#NONE}]. The Spring Boot starter passes one over the application's
     * Micrometer {@code ObservationRegistry}.
     */
    public MessagingBuilder observations(MessagingObservations observations) {
        this.observations = Objects.requireNonNull(observations, "observations must not be null");
        return this;
    }

    /**
     * When and how unread messages are notified [{@link NotificationSettings#defaults()}]. Notifications are sent
     * only once a {@link #notificationSender} is added; they need a store that keeps notification state (in memory,
     * JPA).
     */
    public MessagingBuilder notifications(NotificationSettings settings) {
        this.notificationSettings = Objects.requireNonNull(settings, "notifications must not be null");
        return this;
    }

    /** Adds a channel that delivers notifications (email, SMS, push); may be called more than once. */
    public MessagingBuilder notificationSender(io.clientportal.messaging.spi.NotificationSender sender) {
        notificationSenders.add(Objects.requireNonNull(sender, "notificationSender must not be null"));
        return this;
    }

    /**
     * Checks the tokens of replies by email ({@code Notifications.receiveReply}) [none: every reply is refused].
     * The same instance (or one with the same secret) must issue the tokens that notifications carry.
     */
    public MessagingBuilder replyTokens(ReplyTokens tokens) {
        this.replyTokens = Objects.requireNonNull(tokens, "replyTokens must not be null");
        return this;
    }

    /** Where notifications' email addresses come from [{@code RecipientDirectory.NONE}: none]. */
    public MessagingBuilder recipientDirectory(io.clientportal.messaging.spi.RecipientDirectory directory) {
        this.recipientDirectory = Objects.requireNonNull(directory, "recipientDirectory must not be null");
        return this;
    }

    /**
     * Starts the engine and returns its {@code "default"} tenant.
     *
     * @throws IllegalStateException when an allowed content type is one that the content type detector can't
     *                               recognise (no upload could ever be accepted under it)
     */
    public Messaging build() {
        requireRecognisableContentTypes();
        return MessagingEngine.start(store != null ? store : new InMemoryMessagingStore(),
                attachmentStore != null ? attachmentStore : new InMemoryAttachmentStore(), contentTypeDetector,
                notifiers, accessPolicy, clock, limits,
                new MessagingEngine.EventSettings(eventPollInterval, eventGapTimeout, webhooks, webhookPolicy,
                        eventDeliveryExecutor, eventBufferSize),
                housekeepingInterval,
                new MessagingEngine.AnnouncementSettings(announcementLease, announcementSweepInterval), observations,
                new MessagingEngine.NotificationSetup(notificationSettings, notificationSenders, recipientDirectory,
                        replyTokens), teamDisplayName);
    }

    private void requireRecognisableContentTypes() {
        TreeSet<String> unrecognised = new TreeSet<>();
        for (String type : limits.allowedContentTypes()) {
            if (!contentTypeDetector.recognises(type)) {
                unrecognised.add(type);
            }
        }
        if (!unrecognised.isEmpty()) {
            throw new IllegalStateException("allowed content type" + (unrecognised.size() == 1 ? " " : "s ")
                    + String.join(", ", unrecognised) + " can't be recognised by "
                    + contentTypeDetector.getClass().getSimpleName()
                    + ", so no upload would ever be accepted as such: remove it from the allowed content types, or "
                    + "detect with a detector that knows it (put tika-core on the classpath and set "
                    + "TikaContentTypeDetector through MessagingBuilder.contentTypeDetector; the Spring Boot starter "
                    + "uses it by itself), writing the type as that detector names it");
        }
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
