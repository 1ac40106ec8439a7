package io.clientportal.messaging.spring.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ContentDisposition;

import static org.assertj.core.api.Assertions.assertThat;

/** The download header reads back, with Spring's own parser, as an attachment under the file's real name. */
class ContentDispositionHeaderTests {

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "Rapport été.png", "say \"hi\" \\ 100%.txt", "😀 emoji.png",
        "semi;colon, comma=equals.csv", "日本語のファイル.docx"})
    void everyNameReadsBackAsAnAttachmentUnderItsRealName(String name) {
        String header = ContentDispositionHeader.attachment(name);

        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo(name);
        assertThat(header).isEqualTo(header.strip()).doesNotContain("\r").doesNotContain("\n").doesNotContain("=?");
        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
    }
}
