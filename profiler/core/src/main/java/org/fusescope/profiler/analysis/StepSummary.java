package org.fusescope.profiler.analysis;

/**
 * Medians over the steps of a run (NaN for a run without steps). Immutable.
 *
 * @param steps number of steps
 * @param gpuBusyNs median GPU busy time (ns)
 * @param wallNs median wall time (ns)
 * @param kernels median kernel count
 * @param launches median launch count
 * @param gpuGapNs median GPU gap time (ns)
 * @param launchOverheadNs median launch overhead (ns)
 * @param bytes median bytes moved
 */
public record StepSummary(
        int steps,
        double gpuBusyNs,
        double wallNs,
        double kernels,
        double launches,
        double gpuGapNs,
        double launchOverheadNs,
        double bytes) {}
