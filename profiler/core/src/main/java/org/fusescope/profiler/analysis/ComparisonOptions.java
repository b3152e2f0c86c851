package org.fusescope.profiler.analysis;

/**
 * When a group's change in GPU time per step counts as FASTER or SLOWER: the relative change must
 * exceed {@code relativeThreshold} and the absolute change must exceed {@code absoluteFloorNs}, so
 * that noise on tiny kernels and small shifts of big ones both stay UNCHANGED. Immutable.
 *
 * @param relativeThreshold |Δ| / baseline, e.g. 0.03 for 3 %
 * @param absoluteFloorNs |Δ| per step in ns
 */
public record ComparisonOptions(double relativeThreshold, double absoluteFloorNs) {
    /** 3 % and 200 ns per step. */
    public static final ComparisonOptions DEFAULTS = new ComparisonOptions(0.03, 200);

    public ComparisonOptions {
        if (!(relativeThreshold >= 0) || !(absoluteFloorNs >= 0)) {
            throw new IllegalArgumentException("thresholds must be non-negative numbers");
        }
    }

    /** The change of a group present in both runs. */
    ChangeKind classify(double baselineNs, double candidateNs) {
        double delta = candidateNs - baselineNs;
        double relative = baselineNs > 0 ? Math.abs(delta) / baselineNs : Double.POSITIVE_INFINITY;
        if (Math.abs(delta) > absoluteFloorNs && relative > relativeThreshold) {
            return delta < 0 ? ChangeKind.FASTER : ChangeKind.SLOWER;
        }
        return ChangeKind.UNCHANGED;
    }
}
