package org.fusescope.app.timeline;

/**
 * One row of the timeline as parallel primitive arrays sorted by start, so that a million items
 * cost a few arrays rather than a million objects. Immutable after construction (the arrays are
 * not copied; callers hand them over).
 *
 * @param label the row header, e.g. {@code stream 7}
 * @param kind what the items are
 * @param starts start of each item (ns)
 * @param ends end of each item (ns)
 * @param colors colour key of each item (see {@link LodBuilder#key})
 * @param refs index of each item in its source list (kernels, API calls or ranges of the trace, or
 *     the ranges on the GPU's time of {@link TimelineData#gpuRanges()}); negative for the items of an
 *     overview, which stand for several kernels (see {@link TimelineData#overviewItem})
 * @param maxDurationNs the longest item, so a search by start can find items reaching into a window
 */
@SuppressWarnings("ArrayRecordComponent") // a million items stay primitive arrays; lanes are never compared
public record Lane(
        String label, LaneKind kind, long[] starts, long[] ends, int[] colors, int[] refs, long maxDurationNs) {
    /** The kinds of rows, top to bottom. */
    public enum LaneKind {
        /** Ranges the run recorded (NVTX), on the CPU's time. */
        RANGE,
        CPU,
        /** Layer and op ranges on the GPU's time, derived from the kernels' attribution. */
        GPU_RANGE,
        GPU
    }

    public int size() {
        return starts.length;
    }

    /** The first index whose start is ≥ {@code ns} in [from, size). */
    public int lowerBound(double ns, int from) {
        return SortedTimes.lowerBound(starts, ns, from);
    }

    /** The item at time {@code ns} within {@code toleranceNs}, preferring the nearest; -1 if none. */
    public int itemAt(double ns, double toleranceNs) {
        int i = lowerBound(ns - maxDurationNs - toleranceNs, 0);
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (; i < starts.length && starts[i] <= ns + toleranceNs; i++) {
            double d = ns < starts[i] ? starts[i] - ns : ns > ends[i] ? ns - ends[i] : 0;
            if (d <= toleranceNs && d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The index of the item with this source index, or -1. */
    public int indexOfRef(int ref) {
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] == ref) {
                return i;
            }
        }
        return -1;
    }
}
