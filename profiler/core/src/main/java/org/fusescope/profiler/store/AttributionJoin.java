package org.fusescope.profiler.store;

import java.util.Arrays;

/**
 * Finds each kernel's row among the run's attribution rows, on (correlationId, graphNodeId), in
 * Java: a join in SQLite costs an index probe per kernel. The writer stores attribution rows in
 * kernel order, so the search is usually a walk in step; otherwise a binary search over the rows
 * sorted by key, where of several rows with one key the first read wins. Fed the kernels in the
 * order {@link TimelineSelection#eachKernel} reads them, and the rows in the order of {@link
 * TimelineSelection#eachAttribution}. (Only where two kernels share a key and the key has several
 * rows can the second kernel, walking in step, take a later row than the first; no writer makes such
 * files.) Not thread-safe: one per read.
 */
final class AttributionJoin {
    private final long[] corr;
    private final long[] node;
    private int[] sorted;
    private int next;

    /** The attribution rows' keys, in read order. */
    AttributionJoin(long[] corr, long[] node) {
        this.corr = corr;
        this.node = node;
    }

    /** The index of the attribution row of the next kernel, or -1 when it has none. */
    int rowOf(long kernelCorr, long kernelNode) {
        if (next < corr.length && corr[next] == kernelCorr && node[next] == kernelNode) {
            return next++;
        }
        if (sorted == null) {
            sorted = byKey();
        }
        int hit = find(kernelCorr, kernelNode);
        next = hit < 0 ? next : hit + 1;
        return hit;
    }

    /** Indices sorted by (correlation, node); equal keys keep their read order (the first wins). */
    private int[] byKey() {
        Integer[] order = new Integer[corr.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(corr[a], corr[b]);
            return c != 0 ? c : Long.compare(node[a], node[b]);
        });
        int[] out = new int[order.length];
        Arrays.setAll(out, i -> order[i]);
        return out;
    }

    private int find(long c, long g) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int r = sorted[mid];
            if (corr[r] < c || (corr[r] == c && node[r] < g)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < sorted.length && corr[sorted[lo]] == c && node[sorted[lo]] == g ? sorted[lo] : -1;
    }
}
