package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.Actor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final UnsubscribeTokens tokens =
            new UnsubscribeTokens("0123456789abcdef0123456789abcdef-test", Duration.ofDays(1), clock);

    @Test
    void aGenuineTokenNamesItsPerson() {
        Actor cathy = Actor.clientUser("cathy");
        assertThat(tokens.verify(tokens.issue("acme", cathy)))
                .contains(new UnsubscribeTokens.Subject("acme", cathy));
    }

    @Test
    void aTokenAlteredInAnyLastCharacterIsRefused() {
        // Base64's last character carries spare bits that a decoder ignores: comparing decoded bytes took a link
        // altered there (in the signature or in the body before the dot) for the genuine one.
        for (String id : List.of("a", "ab", "abc", "cathy")) {
            String genuine = tokens.issue("acme", Actor.clientUser(id));
            int dot = genuine.indexOf('.');
            for (int position : new int[] {dot - 1, genuine.length() - 1}) {
                for (char c : ALPHABET.toCharArray()) {
                    String altered = genuine.substring(0, position) + c + genuine.substring(position + 1);
                    assertThat(tokens.verify(altered).isPresent()).as(altered).isEqualTo(altered.equals(genuine));
                }
            }
        }
    }

    @Test
    void forgedExpiredAndMalformedTokensAreRefused() {
        Actor cathy = Actor.clientUser("cathy");
        String forged = new UnsubscribeTokens("another secret of at least thirty-two chars", Duration.ofDays(1), clock)
                .issue("acme", cathy);
        String genuine = tokens.issue("acme", cathy);
        for (String token : List.of(forged, genuine + "A", "", ".", "a.b.c", "not a token", genuine + "=")) {
            assertThat(tokens.verify(token)).as(token).isEmpty();
        }
        UnsubscribeTokens later = new UnsubscribeTokens("0123456789abcdef0123456789abcdef-test", Duration.ofDays(1),
                Clock.offset(clock, Duration.ofDays(1)));
        assertThat(later.verify(genuine)).isEmpty();
    }
}
