package org.fusescope.profiler.analysis;

import org.fusescope.profiler.model.RangeEvent;

/**
 * One CPU range projected onto the GPU. Immutable.
 *
 * @param range the CPU range
 * @param projectedStartNs start of the first kernel launched inside it (ns)
 * @param projectedEndNs end of the last such kernel (ns)
 * @param gpuBusyNs length of the union of those kernels' intervals (ns)
 * @param kernels number of kernels launched inside it
 */
public record ProjectedRange(
        RangeEvent range, long projectedStartNs, long projectedEndNs, long gpuBusyNs, int kernels) {
    /** Projected end − projected start (ns). */
    public long projectedSpanNs() {
        return projectedEndNs - projectedStartNs;
    }
}
