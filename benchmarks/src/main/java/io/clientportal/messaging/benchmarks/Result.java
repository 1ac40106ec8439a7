package io.clientportal.messaging.benchmarks;

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
 */
record Result(String workload, String unit, boolean higherIsBetter, double sdk, Double raw, Double naive,
              double heapMb, Target target) {

    /** A bound on SDK/RAW, or on the SDK's figure itself. */
    record Target(Kind kind, double bound, String text) {
        enum Kind { RATIO_AT_LEAST, RATIO_AT_MOST, ABSOLUTE_AT_MOST }
    }

    Double sdkPerRaw() {
        return raw == null || raw == 0 ? null : sdk / raw;
    }

    Double naivePerSdk() {
        return naive == null || sdk == 0 ? null : naive / sdk;
    }

    /** Whether the target holds in this run. */
    boolean holds() {
        Double ratio = sdkPerRaw();
        return switch (target.kind()) {
            case RATIO_AT_LEAST -> ratio != null && ratio >= target.bound();
            case RATIO_AT_MOST -> ratio != null && ratio <= target.bound();
            case ABSOLUTE_AT_MOST -> sdk <= target.bound();
        } && (!workload.startsWith("announcement") || heapMb < 64);
    }
}
