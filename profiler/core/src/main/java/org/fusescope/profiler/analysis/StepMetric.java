package org.fusescope.profiler.analysis;

import java.util.Locale;
import java.util.function.ToLongFunction;

/** The step-total times that get a verdict, e.g. the step's wall time for {@code compare --fail-above}. */
public enum StepMetric {
    GPU_BUSY("GPU busy", StepRow::gpuBusyNs),
    WALL("Wall", StepRow::wallNs),
    GPU_GAPS("GPU gaps", StepRow::gpuGapNs),
    LAUNCH_OVERHEAD("Launch overhead", StepRow::launchOverheadNs);

    private final String label;
    private final ToLongFunction<StepRow> value;

    StepMetric(String label, ToLongFunction<StepRow> value) {
        this.label = label;
        this.value = value;
    }

    /** The metric's name in the step-totals table, e.g. {@code GPU busy}. */
    public String label() {
        return label;
    }

    /** The name on the command line, e.g. {@code gpu-busy}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The metric of each step of the run, in step order. */
    double[] values(StepTotals totals) {
        return totals.rows().stream().mapToDouble(r -> value.applyAsLong(r)).toArray();
    }
}
