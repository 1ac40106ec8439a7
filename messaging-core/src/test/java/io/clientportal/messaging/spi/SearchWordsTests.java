package io.clientportal.messaging.spi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What search counts as a word: the same for every store. */
class SearchWordsTests {

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigits() {
        assertThat(SearchWords.of("Hello, WORLD! alice@example.com tax_2026 5e10x été-Ünïcode 東京"))
                .containsExactly("hello", "world", "alice", "example", "com", "tax", "2026", "5e10x", "été",
                        "ünïcode", "東京");
        assertThat(SearchWords.of("%_\\'\"<>&|!():*")).isEmpty();
        assertThat(SearchWords.indexText("  Two   words ")).isEqualTo("two words");
    }

    @Test
    void aLongWordIsCutWithoutSplittingASurrogatePair() {
        assertThat(SearchWords.of("x".repeat(100))).containsExactly("x".repeat(SearchWords.MAX_WORD_LENGTH));
        String word = SearchWords.of("a".repeat(63) + "𝒜𝒜").get(0);
        assertThat(word).hasSize(63);
    }

    @Test
    void termsAreTheQuerysWordsOnceEachAndMatchWordStarts() {
        List<String> terms = SearchWords.terms("Report report REPORTS ready");
        assertThat(terms).containsExactly("report", "reports", "ready");
        assertThat(SearchWords.matches(SearchWords.of("reports are ready"), terms)).isTrue();
        assertThat(SearchWords.matches(SearchWords.of("unreported, ready"), List.of("report"))).isFalse();
    }
}
