package org.fusescope.profiler.analysis;

import java.util.Arrays;

/**
 * How a per-step value spreads over the steps of one run: its median and quartiles (linear
 * interpolation between the order statistics, as R's default and NumPy's do). NaN for no steps.
 * Immutable.
 *
 * @param steps the number of values (steps)
 * @param median the median
 * @param q1 the first quartile (25th percentile)
 * @param q3 the third quartile (75th percentile)
 */
public record Spread(int steps, double median, double q1, double q3) {
    /** The spread of {@code values}; the array is not changed. */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            return new Spread(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(
                sorted.length,
                quantileOfSorted(sorted, 0.5),
                quantileOfSorted(sorted, 0.25),
                quantileOfSorted(sorted, 0.75));
    }

    /** The interquartile range q3 − q1. */
    public double iqr() {
        return q3 - q1;
    }

    /** The {@code p} quantile (0..1) of ascending {@code sorted} values, interpolating linearly. */
    static double quantileOfSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
