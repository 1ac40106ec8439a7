package io.clientportal.messaging.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class UploadSafetyTests {

    @Test
    void filenamesLoseTheirPathControlAndReservedCharacters() {
        assertThat(FilenameSanitizer.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FilenameSanitizer.sanitize("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FilenameSanitizer.sanitize("in\u0000voice\r\n.pdf")).isEqualTo("in_voice__.pdf");
        assertThat(FilenameSanitizer.sanitize("<script>.png")).isEqualTo("_script_.png");
        assertThat(FilenameSanitizer.sanitize("...hidden")).isEqualTo("hidden");
        assertThat(FilenameSanitizer.sanitize("evil\u202Egnp.exe")).isEqualTo("evil_gnp.exe");
        assertThat(FilenameSanitizer.sanitize("   ")).isEqualTo("file");
        assertThat(FilenameSanitizer.sanitize(null)).isEqualTo("file");
        assertThat(FilenameSanitizer.sanitize("x".repeat(500) + ".docx")).hasSize(200).endsWith(".docx");
    }

    @Test
    void longNamesAreCutBetweenCharactersAndLoneSurrogatesReplaced() {
        String emoji = "\uD83D\uDE00";
        String cut = FilenameSanitizer.sanitize(emoji.repeat(300) + ".png");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(200);
        assertThat(cut).endsWith(".png").startsWith(emoji);
        assertThat(cut.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
        assertThat(new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(cut);
        assertThat(FilenameSanitizer.sanitize("a\uD800b.txt")).isEqualTo("a_b.txt");
    }

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

    private static String detect(byte[] bytes, String name) {
        return ContentTypeDetector.detect(bytes, bytes.length, name);
    }
}
