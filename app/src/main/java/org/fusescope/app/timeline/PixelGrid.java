package org.fusescope.app.timeline;

import org.fusescope.profiler.store.KernelOverview;
import org.fusescope.profiler.store.OverviewGrid;

/**
 * The pixel columns of a timeline plot {@code plotWidth} px wide at its first zoom (the run's first
 * kernel start to its last kernel end, as {@link TimeWindow} and {@link TimelineCanvas} compute it),
 * with the column edges {@link LodBuilder} searches for: a kernel belongs to the column of the last
 * edge its start is not below. An overview read on this grid draws, at that zoom and width, the very
 * frame all the kernels draw: {@link LodBuilder} looks only at each column's first and last kernel
 * (by start) and at kernels at least {@link LodBuilder#MIN_RECT_PX} wide, with the one after each.
 * Immutable.
 */
public final class PixelGrid implements OverviewGrid {
    private final double plotWidth;

    /** @throws IllegalArgumentException unless 1 ≤ plotWidth ≤ {@link KernelOverview#MAX_BUCKETS} - 3 */
    public PixelGrid(double plotWidth) {
        if (!(plotWidth >= 1 && plotWidth <= KernelOverview.MAX_BUCKETS - 3)) {
            throw new IllegalArgumentException(
                    "plot width must be in [1, " + (KernelOverview.MAX_BUCKETS - 3) + "] px, not " + plotWidth);
        }
        this.plotWidth = plotWidth;
    }

    @Override
    public long[] bucketStarts(long firstStartNs, long lastEndNs) {
        TimeWindow window = new TimeWindow(firstStartNs, lastEndNs);
        double nsPerPx = window.spanNs() / plotWidth;
        int width = (int) Math.ceil(plotWidth);
        // LodBuilder moves on to the edge after an item's last column, up to width + 2
        long[] starts = new long[width + 3];
        for (int c = 0; c < starts.length; c++) {
            starts[c] = firstNotBelow(window.startNs() + c * nsPerPx);
        }
        starts[starts.length - 1] = Math.max(starts[starts.length - 1], lastEndNs + 1);
        return starts;
    }

    @Override
    public long longKernelNs(long firstStartNs, long lastEndNs) {
        double nsPerPx = new TimeWindow(firstStartNs, lastEndNs).spanNs() / plotWidth;
        // every kernel that can come out MIN_RECT_PX wide, rounding included; more only costs a few rows
        return Math.max(1, (long) Math.floor(LodBuilder.MIN_RECT_PX * nsPerPx * (1 - 1e-9)) - 1);
    }

    /** The least ns whose value as a double is not below {@code edge}, as {@link Lane#lowerBound} compares. */
    static long firstNotBelow(double edge) {
        long s = (long) Math.ceil(edge);
        while ((double) (s - 1) >= edge) {
            s--;
        }
        while ((double) s < edge) {
            s++;
        }
        return s;
    }
}
