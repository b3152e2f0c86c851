package org.fusescope.runner.record;

/** How a step's GPU time is measured between two CUDA events ({@code fusescope run --step-timing}). */
public enum StepTiming {
    /**
     * The stream waits at a gate until the host has enqueued the whole step, so the time between the events
     * is the GPU's alone, without the CPU's launch latency (traced or not): the way a server that runs ahead
     * of the GPU sees a step. Used for graph replays and for eager steps of at most a few hundred launches, and
     * not under Nsight Compute ({@link StepTimingChoice}).
     */
    GATED,
    /** The events bracket the launches as the host enqueues them: the GPU may wait for the CPU inside a step. */
    DIRECT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
