package io.clientportal.messaging.jpa;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementTextsTests {

    @Test
    void aShapeIsBuiltOnceAndItsTextIsTheSameObjectEveryTime() {
        AtomicInteger builds = new AtomicInteger();
        String first = StatementTexts.of("tests.built", Platform.H2, 7, () -> {
            builds.incrementAndGet();
            return new StringBuilder("SELECT ").append(7).toString();
        });
        String second = StatementTexts.of("tests.built", Platform.H2, 7, () -> {
            builds.incrementAndGet();
            return "SELECT 7";
        });

        assertThat(second).isSameAs(first);
        assertThat(builds).hasValue(1);
        assertThat(StatementTexts.of("tests.built", Platform.POSTGRESQL, 7, () -> "SELECT 7 -- pg"))
                .isEqualTo("SELECT 7 -- pg");
        assertThat(StatementTexts.of("tests.built", Platform.H2, 8, () -> "SELECT 8")).isEqualTo("SELECT 8");
    }

    @Test
    void aTextBuiltWithItsParametersIsReplacedByTheKeptOneOfItsShape() {
        String kept = StatementTexts.canonical("tests.canonical", Platform.H2, 1, new String("SELECT ?"));
        String again = new String("SELECT ?");

        assertThat(StatementTexts.canonical("tests.canonical", Platform.H2, 1, again)).isSameAs(kept);
    }

    @Test
    void aVariantThatDoesNotDecideTheTextFails() {
        StatementTexts.canonical("tests.undecided", Platform.H2, 1, "SELECT a FROM t");

        assertThatThrownBy(() -> StatementTexts.canonical("tests.undecided", Platform.H2, 1, "SELECT a, b FROM t"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tests.undecided");
        assertThatThrownBy(() -> StatementTexts.canonical("tests.undecided", Platform.H2, 1, "SELECT b FROM t"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("tests.undecided");
    }
}
