package org.fusescope.profiler.model;

/**
 * Hardware counters that Nsight Compute measured for one recorded kernel (NaN: not measured).
 *
 * @param kernelStartNs start of the recorded kernel it belongs to (ns, CUPTI clock)
 * @param launchId ncu's id of the profiled launch
 * @param durationNs duration under ncu (ns)
 * @param dramReadBytes bytes read from DRAM
 * @param dramWriteBytes bytes written to DRAM
 * @param dramThroughputPct DRAM throughput, % of peak
 * @param smThroughputPct SM throughput, % of peak
 * @param achievedOccupancyPct achieved occupancy (active warps, % of the maximum)
 * @param l2HitRatePct L2 hit rate, %
 */
public record MeasuredKernel(
        long kernelStartNs,
        int launchId,
        double durationNs,
        double dramReadBytes,
        double dramWriteBytes,
        double dramThroughputPct,
        double smThroughputPct,
        double achievedOccupancyPct,
        double l2HitRatePct) {
    /** DRAM bytes read plus written (NaN when either is unmeasured). */
    public double dramBytes() {
        return dramReadBytes + dramWriteBytes;
    }
}
