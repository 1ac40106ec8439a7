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
}
