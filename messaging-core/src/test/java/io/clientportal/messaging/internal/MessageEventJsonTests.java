package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.EventRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written payloads of the message events are the mapper's, byte for byte, over many messages: texts with
 * quotes, backslashes, control characters, non-ASCII and surrogate pairs, nulls where the records allow them,
 * attachments, mentions, announcements, times with and without fractions.
 */
class MessageEventJsonTests {

    private static final String[] PIECES = {"a", "Hello", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u0000", "\u001f",
        "\u007f", "é", "ü", "€", "\u2028", "\u2029", "😀", "<b>", "&amp;", "'", "{\"x\":[1]}", "\"seq\":7", "\b",
        "\f", "中文", "\ud83d\ude00"};

    private final EventCodec codec = new EventCodec();
    private final Random random = new Random(20261202L);

    @Test
    void postedAndEditedPayloadsAreTheMappersByteForByte() {
        for (int i = 0; i < 5_000; i++) {
            Message message = message();
            ConversationId conversation = random.nextInt(20) == 0 ? null : message.conversationId();
            long clientSeq = random.nextInt(5) == 0 ? random.nextLong() : message.seq();
            String tenant = random.nextInt(10) == 0 ? text() : "default";
            List<MessagingEvent> events = List.of(
                    new MessagePosted(null, tenant, conversation, instant(), message, clientSeq),
                    new MessageEdited(null, tenant, conversation, instant(), message, clientSeq));
            for (MessagingEvent event : events) {
                String payload = codec.encode(event).payload();
                assertThat(payload).isEqualTo(codec.mapperPayload(event));
                MessagingEvent decoded = codec.decode(new EventRecord(i + 1L, tenant, event.type(),
                        event.conversationId(), payload, event.at()));
                assertThat(decoded).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(event);
            }
        }
    }

    private Message message() {
        List<Attachment> attachments = new ArrayList<>();
        for (int k = random.nextInt(4) == 0 ? random.nextInt(3) + 1 : 0; k > 0; k--) {
            attachments.add(new Attachment(new AttachmentId(UUID.randomUUID()), text(), "image/png",
                    random.nextInt(1 << 20), "ab" + random.nextInt(1000)));
        }
        List<String> mentions = new ArrayList<>();
        for (int k = random.nextInt(3) == 0 ? random.nextInt(3) + 1 : 0; k > 0; k--) {
            mentions.add(text());
        }
        Actor author = random.nextBoolean() ? Actor.clientUser("u" + random.nextInt(100) + text().trim() + "x")
                : Actor.teamMember("agent-" + random.nextInt(100));
        return new Message(new MessageId(UUID.randomUUID()), new ConversationId(UUID.randomUUID()),
                random.nextInt(1_000_000), author, random.nextInt(8) == 0 ? null : text(), text(), attachments,
                random.nextBoolean(), random.nextBoolean() ? null : new AnnouncementId(UUID.randomUUID()),
                random.nextBoolean() ? null : text(), instant(), random.nextBoolean() ? null : instant(),
                random.nextInt(6) == 0, mentions, random.nextBoolean());
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(12); k > 0; k--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private Instant instant() {
        long seconds = 1_700_000_000L + random.nextInt(100_000_000);
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
