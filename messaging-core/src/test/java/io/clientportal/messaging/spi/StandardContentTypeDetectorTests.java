package io.clientportal.messaging.spi;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StandardContentTypeDetectorTests {

    private final StandardContentTypeDetector detector = new StandardContentTypeDetector();

    @Test
    void typesComeFromTheBytes() {
        assertThat(detect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}, "a.png")).isEqualTo("image/jpeg");
        assertThat(detect("GIF89a....".getBytes(StandardCharsets.US_ASCII), "a")).isEqualTo("image/gif");
        assertThat(detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), "a")).isEqualTo("image/webp");
        assertThat(detect(new byte[]{'P', 'K', 3, 4, 0}, "report.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detect(new byte[]{'P', 'K', 3, 4, 0}, "archive.zip")).isEqualTo("application/zip");
        assertThat(detect("  <html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "a.txt"))
                .isEqualTo("text/html");
        assertThat(detect("<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8), "a.png"))
                .isEqualTo("image/svg+xml");
        assertThat(detect("Grüße, 你好\n".getBytes(StandardCharsets.UTF_8), "a.txt")).isEqualTo("text/plain");
        assertThat(detect(new byte[]{0x7F, 'E', 'L', 'F', 0, 1, 2}, "a.txt")).isEqualTo("application/octet-stream");
    }

    @Test
    void everyTypeItAnswersIsOneItRecognisesAndNoOther() {
        assertThat(StandardContentTypeDetector.TYPES)
                .allSatisfy(type -> assertThat(detector.recognises(type)).isTrue());
        assertThat(detector.recognises("text/csv")).isFalse();
        assertThat(detector.recognises("video/mp4")).isFalse();
        assertThat(detector.recognises("application/octet-stream")).isFalse();
    }

    @Test
    void markupAndScriptAreFoundInAnyEncodingAndAnywhereInTheHead() {
        assertThat(active("name,amount\nAda,<script>alert(1)</script>\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/html");
        assertThat(active("<!DOCTYPE html><p>hi".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("text/html");
        assertThat(active("\uFEFF<SVG onload=x>".getBytes(StandardCharsets.UTF_8))).isEqualTo("image/svg+xml");
        assertThat(active("<?xml version=\"1.0\"?><order/>".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("application/xml");
        assertThat(active("name,note\nAda,x\nEve,\"eval(atob('YWxlcnQoMSk='))\"\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/javascript");
        assertThat(active("  (function () { steal(); })();".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/javascript");
        assertThat(active("a < b, and c > d; the function of a form\n".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    private String detect(byte[] bytes, String name) {
        return detector.detect(bytes, bytes.length, name);
    }

    private static String active(byte[] bytes) {
        return StandardContentTypeDetector.activeContentType(bytes, bytes.length);
    }
}
