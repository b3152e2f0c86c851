package org.fusescope.profiler.analysis;

/**
 * A per-step value (a fusion group's GPU time, a step total) compared across two runs with its
 * spread over the steps: the median and quartiles in each run, and the bootstrap interval of the
 * difference of the medians. {@link #change()} is FASTER or SLOWER only when that interval excludes
 * zero and the difference passes the floor of {@link ComparisonOptions}, else WITHIN_NOISE; ADDED and
 * REMOVED when one run lacks the value. Built by {@link NoiseRule}. Immutable.
 *
 * @param change the verdict
 * @param baseline the value's spread over the baseline's steps
 * @param candidate the value's spread over the candidate's steps
 * @param deltaLow the lower end of the bootstrap interval of candidate − baseline median
 * @param deltaHigh the upper end of that interval
 */
public record Verdict(ChangeKind change, Spread baseline, Spread candidate, double deltaLow, double deltaHigh) {
    /** Candidate − baseline median; negative when the candidate is faster. */
    public double delta() {
        return candidate.median() - baseline.median();
    }

    /** Baseline / candidate median; NaN when either is not positive. */
    public double speedUp() {
        return baseline.median() > 0 && candidate.median() > 0 ? baseline.median() / candidate.median() : Double.NaN;
    }

    /** {@link #delta()} in percent of the baseline median; NaN when that is not positive. */
    public double changePercent() {
        return percentOfBaseline(delta());
    }

    /** {@link #deltaLow()} in percent of the baseline median. */
    public double changeLowPercent() {
        return percentOfBaseline(deltaLow);
    }

    /** {@link #deltaHigh()} in percent of the baseline median. */
    public double changeHighPercent() {
        return percentOfBaseline(deltaHigh);
    }

    /**
     * True when the candidate is worse beyond the noise by more than {@code percent}: even the lower
     * end of the interval is more than {@code percent} above the baseline median. Here {@code percent}
     * takes the place of the floor of {@link ComparisonOptions}. A value the baseline lacks never is.
     */
    public boolean worseByMoreThan(double percent) {
        return changeLowPercent() > percent;
    }

    private double percentOfBaseline(double ns) {
        return baseline.median() > 0 ? 100.0 * ns / baseline.median() : Double.NaN;
    }
}
