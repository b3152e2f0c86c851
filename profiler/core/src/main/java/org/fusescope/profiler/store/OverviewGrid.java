package org.fusescope.profiler.store;

/**
 * The time buckets of a {@link KernelOverview}, chosen once the run's kernel extent is known (its
 * first kernel start and last kernel end): e.g. the pixel columns of a timeline at its first zoom.
 * Implementations must be pure functions of their arguments.
 */
public interface OverviewGrid {
    /**
     * Bucket starts (ns), ascending (equal neighbours make empty buckets): bucket {@code b} holds the
     * kernels starting in [starts[b], starts[b + 1]). The first must be at most {@code firstStartNs},
     * the last after {@code lastEndNs}, so that every kernel lies in a bucket.
     */
    long[] bucketStarts(long firstStartNs, long lastEndNs);

    /**
     * Kernels at least this long (ns, at least 1) are overview items of their own. Must not decrease as
     * {@code lastEndNs} grows (the reader lists candidates before it knows the last end).
     */
    long longKernelNs(long firstStartNs, long lastEndNs);

    /**
     * {@code buckets} buckets of (almost) equal width over [firstStartNs, lastEndNs]; kernels at least
     * one bucket long are items of their own.
     */
    static OverviewGrid uniform(int buckets) {
        if (buckets < 1 || buckets > KernelOverview.MAX_BUCKETS) {
            throw new IllegalArgumentException(
                    "buckets must be in [1, " + KernelOverview.MAX_BUCKETS + "], not " + buckets);
        }
        return new OverviewGrid() {
            @Override
            public long[] bucketStarts(long firstStartNs, long lastEndNs) {
                long span = lastEndNs - firstStartNs + 1;
                long[] starts = new long[buckets + 1];
                for (int b = 0; b <= buckets; b++) {
                    // floor(span · b / buckets) without overflow: b and span % buckets are below 2^17
                    starts[b] = firstStartNs + (span / buckets) * b + (span % buckets) * b / buckets;
                }
                return starts;
            }

            @Override
            public long longKernelNs(long firstStartNs, long lastEndNs) {
                long span = lastEndNs - firstStartNs + 1;
                return Math.max(1, span / buckets);
            }
        };
    }
}
