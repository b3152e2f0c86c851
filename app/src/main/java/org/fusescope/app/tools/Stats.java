package org.fusescope.app.tools;

import java.util.Arrays;

/** Order statistics of timings. Stateless. */
public final class Stats {
    private Stats() {}

    public static long median(long[] values) {
        return percentile(values, 50);
    }

    /** The nearest-rank percentile {@code p} (0..100); 0 for no values. */
    public static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
