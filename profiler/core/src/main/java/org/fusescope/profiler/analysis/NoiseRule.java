package org.fusescope.profiler.analysis;

import java.util.Arrays;
import java.util.Random;

/**
 * Judges a per-step value across two runs. The noise is the 95 % percentile-bootstrap interval of the
 * difference of the medians: both runs' steps are resampled with replacement {@value #RESAMPLES} times
 * and the median difference taken each time. The change is FASTER or SLOWER only when that interval
 * lies wholly on one side of zero and the difference passes the floor of {@link ComparisonOptions};
 * otherwise WITHIN_NOISE. A run with one step has no spread, so its interval is a point and only the
 * floor decides. The resampling uses a fixed seed, so the same runs always give the same verdict.
 * Stateless and thread-safe.
 */
public final class NoiseRule {
    /** Bootstrap resamples per verdict. */
    public static final int RESAMPLES = 2000;
    /** Coverage of the interval. */
    public static final double CONFIDENCE = 0.95;

    private static final long SEED = 0x5EED_F05EL;

    private NoiseRule() {}

    /** The verdict on a value both runs have, one entry per step in each. */
    public static Verdict judge(double[] baseline, double[] candidate, ComparisonOptions options) {
        Spread b = Spread.of(baseline);
        Spread c = Spread.of(candidate);
        double[] interval = deltaInterval(baseline, candidate);
        double delta = c.median() - b.median();
        boolean belowZero = interval[1] < 0 && delta < 0;
        boolean aboveZero = interval[0] > 0 && delta > 0;
        ChangeKind change = (belowZero || aboveZero) && options.beyondFloor(b.median(), delta)
                ? (delta < 0 ? ChangeKind.FASTER : ChangeKind.SLOWER)
                : ChangeKind.WITHIN_NOISE;
        return new Verdict(change, b, c, interval[0], interval[1]);
    }

    /** The verdict on a value only one run has: ADDED or REMOVED, with the other run's spread at zero. */
    public static Verdict onlyIn(ChangeKind change, double[] baseline, double[] candidate) {
        if (change != ChangeKind.ADDED && change != ChangeKind.REMOVED) {
            throw new IllegalArgumentException("only ADDED or REMOVED, not " + change);
        }
        Spread b = Spread.of(baseline);
        Spread c = Spread.of(candidate);
        double delta = c.median() - b.median();
        return new Verdict(change, b, c, delta, delta);
    }

    /** {low, high}: the bootstrap interval of candidate − baseline median; NaN when either run has no steps. */
    static double[] deltaInterval(double[] baseline, double[] candidate) {
        if (baseline.length == 0 || candidate.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Random random = new Random(SEED);
        double[] b = new double[baseline.length];
        double[] c = new double[candidate.length];
        double[] deltas = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            deltas[i] = resampledMedian(candidate, c, random) - resampledMedian(baseline, b, random);
        }
        Arrays.sort(deltas);
        double tail = (1 - CONFIDENCE) / 2;
        return new double[] {Spread.quantileOfSorted(deltas, tail), Spread.quantileOfSorted(deltas, 1 - tail)};
    }

    private static double resampledMedian(double[] values, double[] scratch, Random random) {
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] = values[random.nextInt(values.length)];
        }
        Arrays.sort(scratch);
        return Spread.quantileOfSorted(scratch, 0.5);
    }
}
