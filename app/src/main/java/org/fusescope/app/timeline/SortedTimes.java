package org.fusescope.app.timeline;

/** Binary search in times sorted ascending (ns). Stateless. */
final class SortedTimes {
    private SortedTimes() {}

    /** The first index whose time is ≥ {@code ns} in [from, length). */
    static int lowerBound(long[] sorted, double ns, int from) {
        int lo = from;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < ns) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
