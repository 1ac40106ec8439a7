package io.clientportal.messaging.spring;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announcement counters count this node's announcements whichever comes first: the relay handing their deliveries
 * on, or the API telling of the send (delivery starts as the send commits and may overtake the controller).
 */
class MicrometerMessagingMetricsTests {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMessagingMetrics metrics = new MicrometerMessagingMetrics(registry, Clock.systemUTC());

    @Test
    void deliveriesHandedOnBeforeTheSendIsToldAreCountedWhenItIs() {
        AnnouncementId early = new AnnouncementId(UUID.randomUUID());
        AnnouncementId late = new AnnouncementId(UUID.randomUUID());
        AnnouncementId elsewhere = new AnnouncementId(UUID.randomUUID());
        metrics.onEvent(delivery(early));
        metrics.onEvent(delivery(early));
        metrics.onEvent(completion(early));
        metrics.onEvent(delivery(elsewhere));
        assertThat(count("messaging.announcements.deliveries")).isZero();

        metrics.announcementSent(sent(early));
        metrics.announcementSent(sent(late));
        metrics.onEvent(delivery(late));
        metrics.onEvent(completion(late));

        assertThat(count("messaging.announcements.sent")).isEqualTo(2);
        assertThat(count("messaging.announcements.deliveries")).isEqualTo(3);
        assertThat(count("messaging.announcements.completed")).isEqualTo(2);
        // Told once and completed: a later event of it is not counted again.
        metrics.onEvent(completion(early));
        assertThat(count("messaging.announcements.completed")).isEqualTo(2);
    }

    private double count(String name) {
        return registry.get(name).counter().count();
    }

    private static MessagePosted delivery(AnnouncementId announcement) {
        ConversationId conversation = new ConversationId(UUID.randomUUID());
        Message message = new Message(new MessageId(UUID.randomUUID()), conversation, 1, Actor.teamMember("owner"),
                "Owner", "news", List.of(), false, announcement, null, NOW, null, false);
        return new MessagePosted(UUID.randomUUID().toString(), "default", conversation, NOW, message);
    }

    private static AnnouncementDelivered completion(AnnouncementId announcement) {
        return new AnnouncementDelivered(UUID.randomUUID().toString(), "default", null, NOW, announcement, "owner", 2);
    }

    private static Announcement sent(AnnouncementId id) {
        return new Announcement(id, "news", false, Announcement.Status.QUEUED, 2, 0, 0, NOW);
    }
}
