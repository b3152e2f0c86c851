package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * Where each decode step of a run lies in time: from its STEP range's start (else its first kernel's
 * start) to the later of the range's end and its last kernel's end. Steps as {@link StepTotals} counts
 * them; the compare editor aligns two runs at the start of one step. Stateless.
 */
public final class StepSpans {
    /** One step's place in time (ns, the trace's clock). */
    public record Span(int step, long startNs, long endNs) {}

    private StepSpans() {}

    /** The steps of {@code trace} in ascending order; empty for a trace without kernels or steps. */
    public static List<Span> of(RunTrace trace) {
        StepIndex index = new StepIndex(trace, new LaunchIndex(trace));
        List<Span> spans = new ArrayList<>();
        for (int step : index.steps()) {
            List<KernelEvent> kernels = index.kernels(step);
            RangeEvent range = index.range(step);
            long first = Intervals.firstStartNs(kernels);
            long last = Intervals.lastEndNs(kernels);
            long start = range != null ? range.startNs() : first;
            long end = Math.max(range != null ? range.endNs() : last, last);
            if (start >= 0) {
                spans.add(new Span(step, start, end));
            }
        }
        return spans;
    }
}
