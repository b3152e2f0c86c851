package org.fusescope.profiler.analysis;

import java.util.OptionalLong;
import org.fusescope.profiler.model.Dim3;

/**
 * One row of the kernel summary: the {@code nsys cuda_gpu_kern_sum} statistics of one kernel name
 * plus its launch shape, resources and achieved bandwidth. Immutable.
 *
 * @param timePercent this name's share of the summed kernel time of the run, in points (0..100)
 * @param totalNs summed duration over instances (ns)
 * @param avgNs mean duration (ns)
 * @param medianNs median duration (ns; mean of the two middle ones for an even count)
 * @param stdDevNs sample standard deviation of durations (ns); 0 for one instance
 * @param grid the most frequent grid (ties: the first seen)
 * @param gridVaries true when instances ran with more than one grid
 * @param block the most frequent block
 * @param blockVaries true when instances ran with more than one block
 * @param registersPerThread the most registers per thread over instances
 * @param sharedMemoryBytes the most static + dynamic shared memory per block over instances (bytes)
 * @param bytesPerInstance mean bytes moved per attributed instance; empty when none is attributed
 * @param achievedBytesPerSec attributed bytes / attributed duration (bytes/s), NaN when unknown
 * @param percentOfPeak achieved bandwidth / the device's reference bandwidth in points, NaN when
 *     unknown
 */
public record KernelStats(
        String name,
        double timePercent,
        long totalNs,
        int instances,
        double avgNs,
        double medianNs,
        long minNs,
        long maxNs,
        double stdDevNs,
        Dim3 grid,
        boolean gridVaries,
        Dim3 block,
        boolean blockVaries,
        int registersPerThread,
        int sharedMemoryBytes,
        OptionalLong bytesPerInstance,
        double achievedBytesPerSec,
        double percentOfPeak) {}
