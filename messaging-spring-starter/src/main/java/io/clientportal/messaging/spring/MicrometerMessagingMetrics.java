package io.clientportal.messaging.spring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spring.web.MessagingApiListener;
import io.clientportal.messaging.spring.web.RejectedRequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;

/**
 * Messaging's meters on this node. Every node's relay sees every node's events, so counting events would count each
 * write once per node; the counters therefore count what this node did (summed over nodes, each write once):
 * <ul>
 *   <li>{@code messaging.messages.posted} (counter, tag {@code author}: {@code team} or {@code client}): messages this
 *       node's REST API posted (not retries)</li>
 *   <li>{@code messaging.announcements.sent} (counter): announcements this node's REST API accepted</li>
 *   <li>{@code messaging.announcements.deliveries} (counter): messages written by the delivery of the announcements
 *       this node accepted, whichever node delivers them</li>
 *   <li>{@code messaging.announcements.completed} (counter): announcements this node accepted that reached every
 *       target</li>
 *   <li>{@code messaging.events.lag} (timer): from a change's commit to its hand-over by this node's relay</li>
 *   <li>{@code messaging.web.rejected} (counter, tags {@code status} and {@code reason}): this node's problem
 *       answers</li>
 * </ul>
 * A host that also posts or announces through the Java API counts those by calling {@link #messagePosted} and
 * {@link #announcementSent} with what the call returned.
 */
public final class MicrometerMessagingMetrics implements MessagingNotifier, RejectedRequestListener,
        MessagingApiListener {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter teamPosts;
    private final Counter clientPosts;
    private final Counter announcementsSent;
    private final Counter announcementDeliveries;
    private final Counter announcementsCompleted;
    private final Timer eventLag;
    /** The announcements this node accepted whose delivery has not completed (bounded: a day, 100,000 at most). */
    private final Cache<AnnouncementId, Boolean> sentHere = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofDays(1)).maximumSize(100_000).build();
    /** Deliveries handed on before the send was told here ({@link Early}); guarded by this. */
    private final Cache<AnnouncementId, Early> early = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();

    public MicrometerMessagingMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.teamPosts = postCounter("team");
        this.clientPosts = postCounter("client");
        this.announcementsSent = Counter.builder("messaging.announcements.sent")
                .description("Announcements this node accepted").register(registry);
        this.announcementDeliveries = Counter.builder("messaging.announcements.deliveries")
                .description("Messages written into conversations by announcement delivery").register(registry);
        this.announcementsCompleted = Counter.builder("messaging.announcements.completed")
                .description("Announcements delivered to every target").register(registry);
        this.eventLag = Timer.builder("messaging.events.lag")
                .description("Time from a change to its hand-over by the event relay")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void onEvent(MessagingEvent event) {
        if (event.at() != null) {
            Duration lag = Duration.between(event.at(), clock.instant());
            eventLag.record(lag.isNegative() ? Duration.ZERO : lag);
        }
        if (event instanceof MessagePosted posted && posted.message().announcementId() != null) {
            delivered(posted.message().announcementId());
        } else if (event instanceof AnnouncementDelivered delivered) {
            completed(delivered.announcementId());
        }
    }

    private synchronized void delivered(AnnouncementId id) {
        if (sentHere.getIfPresent(id) != null) {
            announcementDeliveries.increment();
        } else {
            early.get(id, key -> new Early()).deliveries++;
        }
    }

    private synchronized void completed(AnnouncementId id) {
        if (sentHere.getIfPresent(id) != null) {
            sentHere.invalidate(id);
            announcementsCompleted.increment();
        } else {
            early.get(id, key -> new Early()).completed = true;
        }
    }

    @Override
    public void messagePosted(Message message) {
        (message.author().isTeamMember() ? teamPosts : clientPosts).increment();
    }

    @Override
    public synchronized void announcementSent(Announcement announcement) {
        announcementsSent.increment();
        Early before = early.asMap().remove(announcement.id());
        if (before != null) {
            announcementDeliveries.increment(before.deliveries);
            if (before.completed) {
                announcementsCompleted.increment();
                return;
            }
        }
        sentHere.put(announcement.id(), Boolean.TRUE);
    }

    /**
     * What the relay handed on of an announcement before this node's API told of sending it: delivery starts as the
     * send commits and may overtake the controller's call of {@link #announcementSent} (on the in-memory store a small
     * announcement is delivered before the answer is written). Counted when the send is told; an announcement
     * another node sent is never told here, and its entry expires.
     */
    private static final class Early {
        long deliveries;
        boolean completed;
    }

    /**
     * This node's counts so far, as its counters hold them (the Actuator endpoint {@code messaging} shows them).
     *
     * @param teamPosts              messages team members posted through this node's REST API
     * @param clientPosts            messages client users posted through it
     * @param announcementsSent      announcements it accepted
     * @param announcementDeliveries messages the delivery of those announcements wrote
     * @param announcementsCompleted of those announcements, the ones delivered to every target
     * @param rejected               its problem answers, every status
     */
    public record Counts(long teamPosts, long clientPosts, long announcementsSent, long announcementDeliveries,
                         long announcementsCompleted, long rejected) {
    }

    /** This node's counts so far. */
    public Counts counts() {
        double rejected = registry.find("messaging.web.rejected").counters().stream().mapToDouble(Counter::count)
                .sum();
        return new Counts((long) teamPosts.count(), (long) clientPosts.count(), (long) announcementsSent.count(),
                (long) announcementDeliveries.count(), (long) announcementsCompleted.count(), (long) rejected);
    }

    @Override
    public void rejected(int status, String reason) {
        Counter.builder("messaging.web.rejected")
                .description("Requests to the messaging API answered with a problem")
                .tag("status", Integer.toString(status))
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private Counter postCounter(String author) {
        return Counter.builder("messaging.messages.posted").description("Messages posted")
                .tag("author", author).register(registry);
    }
}
