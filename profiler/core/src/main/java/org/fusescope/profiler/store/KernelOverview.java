package org.fusescope.profiler.store;

/**
 * A few of a run's kernels, chosen so that a level-of-detail drawing of them at one zoom looks like
 * that of all of them, read without reading each kernel (see {@link TraceReader#kernelOverview}).
 * The run's kernels are cut into the time buckets of an {@link OverviewGrid} by their start; per GPU
 * stream and bucket the overview holds the first and the last kernel (by start, then file order, as
 * {@link TimelineColumns} orders kernels), and it holds every kernel at least {@link #longKernelNs()}
 * long together with the kernel after it on its stream. A drawing that looks at each pixel column's
 * first and last kernel and draws wide kernels one by one (as the workbench timeline does, with a
 * bucket per pixel column) so draws the same picture from the overview as from every kernel.
 *
 * <p>Immutable; thread-safe.
 */
public final class KernelOverview {
    /** The most buckets an overview may have. */
    public static final int MAX_BUCKETS = 1 << 16;

    private final TimelineColumns.Kernels kernels;
    private final int kernelCount;
    private final long firstStartNs;
    private final long lastEndNs;
    private final long[] bucketStarts;
    private final long longKernelNs;

    @SuppressWarnings("TooManyParameters") // what the overview was read from, kept for its readers
    KernelOverview(
            TimelineColumns.Kernels kernels,
            int kernelCount,
            long firstStartNs,
            long lastEndNs,
            long[] bucketStarts,
            long longKernelNs) {
        this.kernels = kernels;
        this.kernelCount = kernelCount;
        this.firstStartNs = firstStartNs;
        this.lastEndNs = lastEndNs;
        this.bucketStarts = bucketStarts.clone();
        this.longKernelNs = longKernelNs;
    }

    /**
     * The chosen kernels, sorted by start (ties in file order) and each once; their correlation ids
     * and indices are their own, not those of the run's full kernel columns.
     */
    public TimelineColumns.Kernels kernels() {
        return kernels;
    }

    /** All of the run's kernels, chosen or not. */
    public int kernelCount() {
        return kernelCount;
    }

    /** The earliest start of the run's kernels (ns). */
    public long firstStartNs() {
        return firstStartNs;
    }

    /** The latest end of the run's kernels (ns). */
    public long lastEndNs() {
        return lastEndNs;
    }

    /** Number of buckets. */
    public int buckets() {
        return bucketStarts.length - 1;
    }

    /** Where bucket {@code b} starts (ns), {@code b} in [0, {@link #buckets()}]. */
    public long bucketStartNs(int b) {
        return bucketStarts[b];
    }

    /** Kernels at least this long (ns) are in the overview, each with the kernel after it on its stream. */
    public long longKernelNs() {
        return longKernelNs;
    }
}
