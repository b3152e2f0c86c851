package org.fusescope.profiler.analysis;

/**
 * The floor under which a change counts as noise even when the steps of both runs agree on it: the
 * relative change must exceed {@code relativeThreshold} and the absolute change must exceed {@code
 * absoluteFloorNs}. The step-to-step spread of one run misses what differs between two runs of the
 * same build (clocks, placement), so a change must pass both this floor and the bootstrap interval of
 * {@link NoiseRule} to be FASTER or SLOWER. Immutable.
 *
 * @param relativeThreshold |Δ| / baseline, e.g. 0.03 for 3 %
 * @param absoluteFloorNs |Δ| per step in the value's unit (ns for times)
 */
public record ComparisonOptions(double relativeThreshold, double absoluteFloorNs) {
    /** 3 % and 200 ns per step. */
    public static final ComparisonOptions DEFAULTS = new ComparisonOptions(0.03, 200);

    public ComparisonOptions {
        if (!(relativeThreshold >= 0) || !(absoluteFloorNs >= 0)) {
            throw new IllegalArgumentException("thresholds must be non-negative numbers");
        }
    }

    /** True when a change of {@code delta} from {@code baseline} passes both thresholds. */
    boolean beyondFloor(double baseline, double delta) {
        double relative = baseline > 0 ? Math.abs(delta) / baseline : Double.POSITIVE_INFINITY;
        return Math.abs(delta) > absoluteFloorNs && relative > relativeThreshold;
    }
}
