package org.fusescope.runner.record;

/**
 * What {@code fusescope run --step-timing} asks for; {@link StepTimingChoice#of} turns it into the {@link StepTiming}
 * the run uses.
 */
public enum StepTimingOption {
    /** {@link StepTiming#GATED}, unless a CUDA tool is injected into the process: then {@link StepTiming#DIRECT}. */
    AUTO,
    /** {@link StepTiming#GATED}, even under a CUDA tool. */
    GATED,
    /** {@link StepTiming#DIRECT}. */
    DIRECT
}
