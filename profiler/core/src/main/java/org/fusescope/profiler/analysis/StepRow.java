package org.fusescope.profiler.analysis;

/**
 * Totals of one decode step. Immutable.
 *
 * @param step the decode step index
 * @param gpuBusyNs length of the union of the step's kernel intervals (ns)
 * @param wallNs from the step range's start (else the first launch or kernel start) to the later of
 *     the range end and the last kernel end (ns)
 * @param kernels kernels of the step
 * @param launches launch API calls of the step (one per graph launch in graph mode)
 * @param gpuGapNs idle GPU time between the first kernel start and the last kernel end (ns)
 * @param launchOverheadNs summed duration of the step's launch calls (ns)
 * @param bytes bytes moved by the step's attributed kernels
 */
public record StepRow(
        int step,
        long gpuBusyNs,
        long wallNs,
        int kernels,
        int launches,
        long gpuGapNs,
        long launchOverheadNs,
        long bytes) {}
