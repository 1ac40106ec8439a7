package io.clientportal.messaging.spring.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An event is one piece of text, its fields written as the specification reads them. */
class SseFrameTests {

    @Test
    void anEventIsOnePieceOfTextEndingWithABlankLine() {
        SseFrame frame = SseFrame.event().id("42").name("MessagePosted").data("{\"a\":1}", MediaType.APPLICATION_JSON);

        assertThat(frame.build()).singleElement().satisfies(piece -> {
            assertThat(piece.getData()).isEqualTo("id:42\nevent:MessagePosted\ndata:{\"a\":1}\n\n");
            assertThat(piece.getMediaType()).isEqualTo(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        });
    }

    @Test
    void everyLineOfAValueIsALineOfItsFieldWhateverEndsIt() {
        assertThat(SseFrame.event().data("one\ntwo\r\nthree\rfour").toString())
                .isEqualTo("data:one\ndata:two\ndata:three\ndata:four\n\n");
        assertThat(SseFrame.event().data("ends with a break\n").toString())
                .isEqualTo("data:ends with a break\ndata:\n\n");
        assertThat(SseFrame.event().data("").toString()).isEqualTo("data:\n\n");
    }

    @Test
    void commentsAndReconnectTimesAreFieldsToo() {
        assertThat(SseFrame.event().comment("heartbeat").toString()).isEqualTo(":heartbeat\n\n");
        assertThat(SseFrame.event().id("7").name("ready").reconnectTime(3_000).data("{}").toString())
                .isEqualTo("id:7\nevent:ready\nretry:3000\ndata:{}\n\n");
    }
}
