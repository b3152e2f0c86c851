package org.fusescope.runner.record;

/** How much of a run CUPTI records ({@code fusescope run --trace}). */
public enum TraceLevel {
    /** Every kernel, API call, copy, set and synchronization (the default). */
    FULL,
    /** Kernels and the API calls that launch them: attribution and launch→kernel arrows, less to record. */
    KERNELS,
    /**
     * No CUPTI at all: step times (CUDA events) and the run's metadata only, so that Nsight Compute or Nsight
     * Systems can wrap the run (CUPTI takes one client per process).
     */
    NONE;

    /** The name on the command line and in the database, e.g. {@code kernels}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
