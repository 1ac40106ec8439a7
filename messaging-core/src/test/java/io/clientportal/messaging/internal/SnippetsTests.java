package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.Highlight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The excerpt of a search hit: where it is cut and what it marks. */
class SnippetsTests {

    @Test
    void aShortTextIsItsOwnSnippetWithEveryMatchedWordMarked() {
        Snippets.Snippet snippet = Snippets.of("Invoice and INVOICES, not reinvoice", List.of("invoice"));

        assertThat(snippet.text()).isEqualTo("Invoice and INVOICES, not reinvoice");
        assertThat(snippet.highlights()).containsExactly(new Highlight(0, 7), new Highlight(12, 20));
    }

    @Test
    void aLongTextIsCutAtSpacesAroundTheFirstMatch() {
        String text = "lead ".repeat(40) + "the budget line " + "tail ".repeat(60);

        Snippets.Snippet snippet = Snippets.of(text, List.of("budget", "tail"));

        assertThat(snippet.text()).startsWith("…lead").contains("the budget line tail").endsWith("tail…");
        assertThat(snippet.text().length()).isLessThanOrEqualTo(Snippets.LENGTH + 2);
        Highlight first = snippet.highlights().get(0);
        assertThat(snippet.text().substring(first.start(), first.end())).isEqualTo("budget");
        assertThat(snippet.highlights()).allSatisfy(h -> assertThat(snippet.text().substring(h.start(), h.end()))
                .isIn("budget", "tail"));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "😀".repeat(150) + " match " + "😀".repeat(150);

        Snippets.Snippet snippet = Snippets.of(text, List.of("match"));

        String body = snippet.text().replace("…", "");
        assertThat(Character.isLowSurrogate(body.charAt(0))).isFalse();
        assertThat(Character.isHighSurrogate(body.charAt(body.length() - 1))).isFalse();
        Highlight h = snippet.highlights().get(0);
        assertThat(snippet.text().substring(h.start(), h.end())).isEqualTo("match");
    }
}
