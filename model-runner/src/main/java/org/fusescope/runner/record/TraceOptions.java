package org.fusescope.runner.record;

/**
 * What the tracer records and how steps are timed, as {@code fusescope run --trace} and {@code --step-timing}
 * ask.
 */
public record TraceOptions(TraceLevel level, StepTiming timing) {
    /** Everything recorded, steps timed at the gate. */
    public static final TraceOptions DEFAULT = new TraceOptions(TraceLevel.FULL, StepTiming.GATED);

    public TraceOptions {
        if (level == null || timing == null) {
            throw new IllegalArgumentException("trace level and step timing are required");
        }
    }
}
