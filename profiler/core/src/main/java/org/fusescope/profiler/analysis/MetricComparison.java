package org.fusescope.profiler.analysis;

/**
 * One step-total metric (a median over steps) in both runs. Immutable.
 *
 * @param metric what is compared, e.g. {@code GPU busy}
 * @param unit {@code ns}, {@code B} or empty for counts
 */
public record MetricComparison(String metric, String unit, double baseline, double candidate) {
    /** Candidate − baseline. */
    public double delta() {
        return candidate - baseline;
    }

    /** Baseline / candidate; NaN when either is not positive. */
    public double speedUp() {
        return baseline > 0 && candidate > 0 ? baseline / candidate : Double.NaN;
    }
}
