package io.clientportal.messaging.benchmarks;

import java.util.Locale;

/**
 * One row of the report: a workload's median figures per variant on one database.
 *
 * @param workload what was done
 * @param unit     the unit of the figures
 * @param higherIsBetter whether a larger figure is better (throughput) or worse (time)
 * @param sdk      the library's figure
 * @param raw      plain JDBC's figure, {@code null} where it has none
 * @param naive    Spring Data JPA's figure, {@code null} where it has none
 * @param heapMb   how much the live heap grew while the SDK did the work, MB
 * @param target   the target of PERFORMANCE.md
 * @param scale    the same work on the small tenant, {@code null} for a row that is not measured there
 */
record Result(String workload, String unit, boolean higherIsBetter, double sdk, Double raw, Double naive,
              double heapMb, Target target, Scale scale) {

    /** A row measured on the run's tenant only. */
    Result(String workload, String unit, boolean higherIsBetter, double sdk, Double raw, Double naive, double heapMb,
           Target target) {
        this(workload, unit, higherIsBetter, sdk, raw, naive, heapMb, target, null);
    }

    /** A bound on SDK/RAW, or on the SDK's figure itself; or none, for a row that measures a limit to explain one. */
    record Target(Kind kind, double bound, String text) {
        enum Kind { RATIO_AT_LEAST, RATIO_AT_MOST, ABSOLUTE_AT_MOST, REFERENCE }

        /** A row without a target of its own: what it says is in {@code text}. */
        static Target reference(String text) {
            return new Target(Kind.REFERENCE, 0, text);
        }

        boolean isReference() {
            return kind == Kind.REFERENCE;
        }
    }

    /**
     * The same view measured in the same rounds on a small tenant in the same tables, for the views that should cost
     * the page and not the tenant (PERFORMANCE.md: "within 2x of the same view at 1,000 conversations").
     *
     * @param conversations      the small tenant's conversations
     * @param largeConversations the run's tenant's
     * @param sdk                the SDK's figure on the small tenant
     * @param raw                RAW's figure there, {@code null} where it has none
     * @param atMost             the bound on the SDK's cost on the run's tenant over its cost on the small one
     */
    record Scale(int conversations, int largeConversations, double sdk, Double raw, double atMost) {

        /** The column of the small tenant's figure, as "at 1,000". */
        String smallLabel() {
            return String.format(Locale.ROOT, "at %,d", conversations);
        }

        /** The column of the cost ratio, as "100k/1k". */
        String ratioLabel() {
            return shortCount(largeConversations) + "/" + shortCount(conversations);
        }

        private static String shortCount(int n) {
            return n >= 1_000 && n % 1_000 == 0 ? n / 1_000 + "k" : Integer.toString(n);
        }
    }

    Double sdkPerRaw() {
        return raw == null || raw == 0 ? null : sdk / raw;
    }

    Double naivePerSdk() {
        return naive == null || sdk == 0 ? null : naive / sdk;
    }

    /** The SDK's cost on the run's tenant over its cost on the small one; {@code null} without a small figure. */
    Double sdkLargePerSmall() {
        return scale == null ? null : cost(sdk, scale.sdk());
    }

    /** RAW's, the same way: whether the database itself does more work on the larger tenant. */
    Double rawLargePerSmall() {
        return scale == null || raw == null || scale.raw() == null ? null : cost(raw, scale.raw());
    }

    private Double cost(double large, double small) {
        double denominator = higherIsBetter ? large : small;
        return denominator == 0 ? null : (higherIsBetter ? small : large) / denominator;
    }

    /** Whether the target holds in this run (and, for a row measured on the small tenant too, the bound on scale). */
    boolean holds() {
        Double ratio = sdkPerRaw();
        boolean holds = switch (target.kind()) {
            case RATIO_AT_LEAST -> ratio != null && ratio >= target.bound();
            case RATIO_AT_MOST -> ratio != null && ratio <= target.bound();
            case ABSOLUTE_AT_MOST -> sdk <= target.bound();
            case REFERENCE -> true;
        } && (!workload.startsWith("announcement") || heapMb < 64);
        Double growth = sdkLargePerSmall();
        return holds && (scale == null || growth != null && growth <= scale.atMost());
    }

    /** The report's "holds" cell: yes, NO, or n/a for a reference row. */
    String holdsText() {
        return target.isReference() ? "n/a" : holds() ? "yes" : "NO";
    }
}
