package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * Per-decode-step totals of a run and their medians. A kernel belongs to step {@code
 * attribution.step()} when that is ≥ 0, else to the STEP range containing its launch call; a trace
 * with neither is one step, index 0; kernels in no step (warm-up) are left out. A step's launches
 * are the launch calls inside its range plus those that launched its kernels. Immutable and
 * thread-safe.
 */
public final class StepTotals {
    private final List<StepRow> rows;
    private final StepSummary summary;

    private StepTotals(List<StepRow> rows) {
        this.rows = List.copyOf(rows);
        this.summary = new StepSummary(
                rows.size(),
                median(StepRow::gpuBusyNs),
                median(StepRow::wallNs),
                median(StepRow::kernels),
                median(StepRow::launches),
                median(StepRow::gpuGapNs),
                median(StepRow::launchOverheadNs),
                median(StepRow::bytes));
    }

    public static StepTotals of(RunTrace trace) {
        LaunchIndex launches = new LaunchIndex(trace);
        StepIndex steps = new StepIndex(trace, launches);
        List<StepRow> rows = new ArrayList<>();
        for (int step : steps.steps()) {
            rows.add(row(step, steps.kernels(step), steps.range(step), launches));
        }
        return new StepTotals(rows);
    }

    private static StepRow row(int step, List<KernelEvent> kernels, RangeEvent range, LaunchIndex index) {
        // A call inside the range that also launched one of the step's kernels counts once.
        Set<ApiCall> calls = new LinkedHashSet<>();
        if (range != null) {
            index.callsIn(range).stream().filter(ApiCall::isLaunch).forEach(calls::add);
        }
        for (KernelEvent k : kernels) {
            ApiCall launch = index.launchOf(k);
            if (launch != null && launch.isLaunch()) {
                calls.add(launch);
            }
        }
        long busy = Intervals.unionNs(kernels);
        long first = Intervals.firstStartNs(kernels);
        long last = Intervals.lastEndNs(kernels);
        long start = range != null ? range.startNs() : earliest(first, calls);
        long end = Math.max(range != null ? range.endNs() : last, last);
        long bytes = 0;
        for (KernelEvent k : kernels) {
            bytes = Sums.add(bytes, k.hasAttribution() ? k.attribution().bytes() : 0);
        }
        return new StepRow(
                step,
                busy,
                kernels.isEmpty() && range == null ? 0 : end - start,
                kernels.size(),
                calls.size(),
                kernels.isEmpty() ? 0 : (last - first) - busy,
                calls.stream().mapToLong(ApiCall::durationNs).sum(),
                bytes);
    }

    private static long earliest(long firstKernelNs, Set<ApiCall> calls) {
        long start = firstKernelNs;
        for (ApiCall c : calls) {
            start = Math.min(start, c.startNs());
        }
        return start;
    }

    private double median(ToLongFunction<StepRow> metric) {
        return Intervals.median(rows.stream().mapToLong(metric).toArray());
    }

    /** The steps in ascending order. */
    public List<StepRow> rows() {
        return rows;
    }

    /** Medians over {@link #rows()}. */
    public StepSummary summary() {
        return summary;
    }

    /** The per-step table. */
    public ResultTable toTable() {
        ResultTable.Builder t = ResultTable.builder("Decode step totals")
                .column(Column.integer("Step"))
                .column(Column.durationNs("GPU Busy"))
                .column(Column.durationNs("Wall"))
                .column(Column.integer("Kernels"))
                .column(Column.integer("Launches"))
                .column(Column.durationNs("GPU Gaps"))
                .column(Column.durationNs("Launch Overhead"))
                .column(Column.bytes("Bytes"));
        for (StepRow r : rows) {
            t.row(
                    r.step(),
                    r.gpuBusyNs(),
                    r.wallNs(),
                    r.kernels(),
                    r.launches(),
                    r.gpuGapNs(),
                    r.launchOverheadNs(),
                    r.bytes());
        }
        return t.build();
    }

    /** The medians as a one-row table. */
    public ResultTable summaryTable() {
        StepSummary s = summary;
        return ResultTable.builder("Decode step medians")
                .column(Column.integer("Steps"))
                .column(Column.durationNs("GPU Busy"))
                .column(Column.durationNs("Wall"))
                .column(Column.decimal("Kernels", ""))
                .column(Column.decimal("Launches", ""))
                .column(Column.durationNs("GPU Gaps"))
                .column(Column.durationNs("Launch Overhead"))
                .column(Column.decimal("Bytes", "B"))
                .row(
                        s.steps(),
                        s.gpuBusyNs(),
                        s.wallNs(),
                        s.kernels(),
                        s.launches(),
                        s.gpuGapNs(),
                        s.launchOverheadNs(),
                        s.bytes())
                .build();
    }
}
