package org.fusescope.profiler.analysis;

/**
 * One step-total metric (a median over steps) in both runs. Immutable.
 *
 * @param metric what is compared, e.g. {@code GPU busy}
 * @param unit {@code ns}, {@code B} or empty for counts
 * @param verdict the metric's spread over the steps of both runs and the verdict; null for counts and
 *     bytes, which have none
 */
public record MetricComparison(String metric, String unit, double baseline, double candidate, Verdict verdict) {
    /** A metric without a verdict. */
    public MetricComparison(String metric, String unit, double baseline, double candidate) {
        this(metric, unit, baseline, candidate, null);
    }

    /** Candidate − baseline. */
    public double delta() {
        return candidate - baseline;
    }

    /** Baseline / candidate; NaN when either is not positive. */
    public double speedUp() {
        return baseline > 0 && candidate > 0 ? baseline / candidate : Double.NaN;
    }
}
