package io.clientportal.messaging.jpa;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The texts of statements whose SQL is put together at run time, one {@code String} per shape, built once. The
 * drivers find a prepared statement by its text: H2's query cache and pgjdbc's statement cache are maps keyed by
 * it, so a text built anew for every call is hashed and compared whole on every call (an inbox page's text is
 * some 2,500 characters: about a tenth of the page's time on H2), where a kept one has its hash cached and is
 * found by reference. A shape is a site's name (a literal), the platform and the site's variant bits, which must
 * decide the text completely.
 */
final class StatementTexts {

    private record Shape(String site, Platform platform, long variant) {
    }

    /** Bounded by the sites and their variants (a page size among them, bounded by the limits). */
    private static final ConcurrentHashMap<Shape, String> TEXTS = new ConcurrentHashMap<>();

    private StatementTexts() {
    }

    /** The text of {@code site}'s statement in {@code variant} on {@code platform}, built by {@code build} once. */
    static String of(String site, Platform platform, long variant, Supplier<String> build) {
        Shape shape = new Shape(site, platform, variant);
        // A plain get first: computeIfAbsent locks the key's bin whenever the key is not its first node.
        String text = TEXTS.get(shape);
        return text != null ? text : TEXTS.computeIfAbsent(shape, s -> build.get());
    }

    /**
     * The kept text equal to {@code built}, for a site that builds its text together with its parameters: the first
     * text built for the shape is kept and returned for every later one.
     *
     * @throws IllegalStateException if the kept text's length differs, so the variant does not decide the text (with
     *                               assertions on, as in the tests, any difference fails)
     */
    static String canonical(String site, Platform platform, long variant, String built) {
        String kept = TEXTS.putIfAbsent(new Shape(site, platform, variant), built);
        if (kept == null) {
            return built;
        }
        if (kept.length() != built.length()) {
            throw new IllegalStateException("the variant " + variant + " of " + site + " does not decide its text");
        }
        assert kept.equals(built) : "the variant " + variant + " of " + site + " does not decide its text";
        return kept;
    }
}
