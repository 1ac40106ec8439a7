package io.clientportal.messaging.spring;

import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spring.web.RejectedRequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;

/**
 * Messaging's meters, fed by the event relay (every committed event of every node's writes) and by the REST layer's
 * rejections:
 * <ul>
 *   <li>{@code messaging.messages.posted} (counter, tag {@code author}: {@code team} or {@code client})</li>
 *   <li>{@code messaging.announcements.deliveries} (counter: messages written by announcement delivery)</li>
 *   <li>{@code messaging.announcements.completed} (counter: announcements delivered to every target)</li>
 *   <li>{@code messaging.events.lag} (timer: from a change's commit to its hand-over by the relay)</li>
 *   <li>{@code messaging.web.rejected} (counter, tags {@code status} and {@code reason})</li>
 * </ul>
 */
public final class MicrometerMessagingMetrics implements MessagingNotifier, RejectedRequestListener {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter teamPosts;
    private final Counter clientPosts;
    private final Counter announcementDeliveries;
    private final Counter announcementsCompleted;
    private final Timer eventLag;

    public MicrometerMessagingMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.teamPosts = postCounter("team");
        this.clientPosts = postCounter("client");
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
        if (event instanceof MessagePosted posted) {
            if (posted.message().announcementId() != null) {
                announcementDeliveries.increment();
            } else if (posted.message().author().isTeamMember()) {
                teamPosts.increment();
            } else {
                clientPosts.increment();
            }
        } else if (event instanceof AnnouncementDelivered) {
            announcementsCompleted.increment();
        }
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
