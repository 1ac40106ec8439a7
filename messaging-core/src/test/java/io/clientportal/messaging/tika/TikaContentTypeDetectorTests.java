package io.clientportal.messaging.tika;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TikaContentTypeDetectorTests {

    /** An MP4's first box: size 24, {@code ftyp}, major brand {@code mp42}, minor 0, compatible brands. */
    static final byte[] MP4 = box("ftyp", "mp42\0\0\0\0mp42isom");
    /** A HEIC image's first box: major brand {@code heic}. */
    static final byte[] HEIC = box("ftyp", "heic\0\0\0\0mif1heic");

    private final TikaContentTypeDetector detector = new TikaContentTypeDetector();

    @Test
    void formatsBeyondTheBuiltInOnesAreToldFromTheirBytes() {
        assertThat(detect(MP4, "clip.mp4")).isEqualTo("video/mp4");
        assertThat(detect(MP4, "file")).isEqualTo("video/mp4");
        assertThat(detect(HEIC, "IMG_0001.HEIC")).isEqualTo("image/heic");
        assertThat(detect(HEIC, "holiday.jpg")).isEqualTo("image/heic");
        assertThat(detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "a.png")).isEqualTo("application/pdf");
    }

    @Test
    void theFileNameOnlyNarrowsWhatTheBytesShow() {
        byte[] csv = "name,amount\nAda,12\n".getBytes(StandardCharsets.UTF_8);
        assertThat(detect(csv, "ledger.csv")).isEqualTo("text/csv");
        assertThat(detect(csv, "ledger.txt")).isEqualTo("text/plain");
        assertThat(detect(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0}, "report.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        // Bytes of no known format are no video for being called one, and a PNG is no CSV.
        assertThat(detect(new byte[]{1, 2, 3, 0, (byte) 0x9C, 7}, "clip.mp4")).isNull();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(detect(png, "table.csv")).isEqualTo("image/png");
    }

    @Test
    void itRecognisesRegisteredTypesTheBytesCanShowUnderTheirCanonicalNames() {
        assertThat(detector.recognises("text/csv")).isTrue();
        assertThat(detector.recognises("video/mp4")).isTrue();
        assertThat(detector.recognises("image/heic")).isTrue();
        assertThat(detector.recognises("image/png")).isTrue();
        assertThat(detector.recognises("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .isTrue();
        assertThat(detector.recognises("image/hevc")).as("an alias, never answered").isFalse();
        assertThat(detector.recognises("application/x-made-up")).isFalse();
        assertThat(detector.recognises("not a type")).isFalse();
    }

    private String detect(byte[] bytes, String name) {
        return detector.detect(bytes, bytes.length, name);
    }

    static byte[] box(String type, String content) {
        byte[] body = (type + content).getBytes(StandardCharsets.ISO_8859_1);
        byte[] box = new byte[4 + body.length];
        box[3] = (byte) box.length;
        System.arraycopy(body, 0, box, 4, body.length);
        return box;
    }
}
