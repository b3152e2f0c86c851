package org.fusescope.profiler.analysis;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.ToLongFunction;
import org.fusescope.profiler.model.KernelEvent;

/**
 * Interval unions and order statistics shared by the analyses. Kernels on several streams overlap,
 * so GPU busy time is the length of the union of their intervals, never the sum of durations.
 * Stateless and thread-safe.
 */
public final class Intervals {
    private Intervals() {}

    /** Length (ns) of the union of the kernels' [start, end) intervals; 0 for none. */
    public static long unionNs(Collection<KernelEvent> kernels) {
        return unionNs(kernels, KernelEvent::startNs, KernelEvent::endNs);
    }

    /** Length of the union of the items' [start, end) intervals, in the unit of the timestamps. */
    public static <T> long unionNs(Collection<T> items, ToLongFunction<T> start, ToLongFunction<T> end) {
        long[][] spans = new long[items.size()][];
        int i = 0;
        for (T item : items) {
            spans[i++] = new long[] {start.applyAsLong(item), end.applyAsLong(item)};
        }
        Arrays.sort(spans, (a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long curStart = Long.MIN_VALUE;
        long curEnd = Long.MIN_VALUE;
        for (long[] s : spans) {
            if (s[0] > curEnd) {
                total = Sums.add(total, Sums.subtract(curEnd, curStart));
                curStart = s[0];
                curEnd = s[1];
            } else {
                curEnd = Math.max(curEnd, s[1]);
            }
        }
        return total + (curEnd - curStart);
    }

    /** Earliest kernel start (ns), or -1 when there are none. */
    public static long firstStartNs(Collection<KernelEvent> kernels) {
        return kernels.stream().mapToLong(KernelEvent::startNs).min().orElse(-1);
    }

    /** Latest kernel end (ns), or -1 when there are none. */
    public static long lastEndNs(Collection<KernelEvent> kernels) {
        return kernels.stream().mapToLong(KernelEvent::endNs).max().orElse(-1);
    }

    /** Median of the values (mean of the two middle ones for an even count); NaN for none. */
    public static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double) sorted[mid]) / 2.0;
    }

    /** Median of the values (mean of the two middle ones for an even count); NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** Sample standard deviation (n − 1 in the denominator); 0 for fewer than two values. */
    public static double sampleStdDev(long[] values) {
        if (values.length < 2) {
            return 0.0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = 0;
        for (long v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
