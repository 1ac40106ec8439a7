package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The converter's kept writers write what the API's mapper writes, every time, by the type Spring would. */
class MessagingJsonHttpMessageConverterTests {

    private final MessagingJson json = new MessagingJson();
    private final MessagingJsonHttpMessageConverter converter = new MessagingJsonHttpMessageConverter(json, 1024);
    private final Announcement announcement = new Announcement(new AnnouncementId(UUID.randomUUID()),
            "Closed on Friday", true, Announcement.Status.SENDING, 10, 4, 1, Instant.parse("2026-01-02T03:04:05Z"));

    @Test
    void aValueIsWrittenAsTheMapperWritesIt() throws IOException {
        String expected = json.write(announcement);
        assertThat(write(announcement, ResolvableType.forClass(Announcement.class))).isEqualTo(expected);
        assertThat(write(announcement, ResolvableType.forClass(Announcement.class))).isEqualTo(expected);
    }

    @Test
    void aValueDeclaredAsItsSupertypeIsWrittenByItsOwnClass() throws IOException {
        MessagingEvent event = new AnnouncementDelivered("42", "default", null, Instant.parse("2026-01-02T03:04:05Z"),
                announcement.id(), "owner", 10);
        String written = write(event, ResolvableType.forClass(MessagingEvent.class));
        assertThat(written).isEqualTo(json.write(event)).contains("\"deliveredCount\":10");
    }

    @Test
    void aListIsWrittenByItsDeclaredType() throws IOException {
        List<Announcement> list = List.of(announcement, announcement);
        ResolvableType type = ResolvableType.forClassWithGenerics(List.class, Announcement.class);
        String expected = json.mapper().writerFor(json.mapper().getTypeFactory().constructType(type.getType()))
                .writeValueAsString(list);
        assertThat(write(list, type)).isEqualTo(expected).startsWith("[{").contains("Closed on Friday");
        assertThat(write(list, type)).isEqualTo(expected);
    }

    @Test
    void anEmptyHintMapWritesAsNoHints() throws IOException {
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        converter.write(announcement, ResolvableType.forClass(Announcement.class), MediaType.APPLICATION_JSON, out,
                Map.of());
        assertThat(out.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(json.write(announcement));
    }

    private String write(Object value, ResolvableType type) throws IOException {
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        converter.write(value, type, MediaType.APPLICATION_JSON, out, null);
        assertThat(out.getHeaders().getContentType()).isNotNull();
        return out.getBodyAsString(StandardCharsets.UTF_8);
    }
}
