package org.fusescope.profiler.analysis;

import java.util.Locale;

/**
 * What a candidate run's step gained over its baseline with the tracer's own cost left out: both runs' median
 * step times without CUPTI (from a process without it, {@code --overhead-reference process}) when both have
 * one, else with CUPTI paused in the run itself, and the speed-up they give beside the speed-up of the traced
 * steps. Tracing costs each kernel about the same, so a run with more kernels loses more to it, and the traced
 * speed-up of a fusion that removes kernels reads higher than the untraced one (older recordings timed their
 * steps directly, with the traced launches' host time in them, and can read either way). Immutable.
 *
 * @param reference which untraced steps: {@value #NO_CUPTI} or {@value #PAUSED}
 */
public record UntracedSpeedUp(
        String reference, double baselineNs, double candidateNs, double tracedBaselineNs, double tracedCandidateNs) {
    public static final String TITLE = "Step Without Tracing";
    public static final String NO_CUPTI = "no CUPTI";
    public static final String PAUSED = "CUPTI paused";

    /** The speed-up of two runs' costs, or null when they have no untraced step time in common. */
    public static UntracedSpeedUp of(TracingCost.Row baseline, TracingCost.Row candidate) {
        if (baseline == null || candidate == null) {
            return null;
        }
        if (known(baseline.noCuptiNs()) && known(candidate.noCuptiNs())) {
            return new UntracedSpeedUp(
                    NO_CUPTI, baseline.noCuptiNs(), candidate.noCuptiNs(), baseline.tracedNs(), candidate.tracedNs());
        }
        if (known(baseline.untracedNs()) && known(candidate.untracedNs())) {
            return new UntracedSpeedUp(
                    PAUSED, baseline.untracedNs(), candidate.untracedNs(), baseline.tracedNs(), candidate.tracedNs());
        }
        return null;
    }

    /** Baseline over candidate untraced step time. */
    public double speedUp() {
        return baselineNs / candidateNs;
    }

    /** Baseline over candidate traced step time (NaN when either is unknown). */
    public double tracedSpeedUp() {
        return tracedBaselineNs / tracedCandidateNs;
    }

    /** A one-row table of this speed-up. */
    public ResultTable table() {
        return ResultTable.builder(TITLE)
                .column(Column.text("Reference"))
                .column(Column.durationNs("Baseline Step"))
                .column(Column.durationNs("Candidate Step"))
                .column(Column.decimal("Speed-up", "x"))
                .column(Column.decimal("Traced Speed-up", "x"))
                .row(reference, baselineNs, candidateNs, speedUp(), tracedSpeedUp())
                .build();
    }

    /** One line, e.g. {@code Without tracing (no CUPTI): 68.6 → 40.0 µs, 1.72× (traced 1.84×)}. */
    public String line() {
        String traced =
                Double.isNaN(tracedSpeedUp()) ? "" : String.format(Locale.ROOT, " (traced %.2f×)", tracedSpeedUp());
        return String.format(
                Locale.ROOT,
                "Without tracing (%s): %.1f → %.1f µs, %.2f×%s",
                reference,
                baselineNs / 1e3,
                candidateNs / 1e3,
                speedUp(),
                traced);
    }

    private static boolean known(double ns) {
        return !Double.isNaN(ns) && ns > 0;
    }
}
