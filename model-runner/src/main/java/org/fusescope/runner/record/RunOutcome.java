package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RunMetadata;

/**
 * What one recorded run measured, for the summary line and the database's metadata: kernels and
 * kernel time per measured step, and the median GPU time of a step with tracing on and off (CUDA
 * events around the enqueued step, so eager launch gaps count). Immutable.
 *
 * @param kernelsPerStep kernels attributed to measured steps, divided by the steps
 * @param kernelNsPerStep their summed durations per step (ns)
 * @param tracedStepNs median GPU time of a measured (traced) step (ns)
 * @param untracedStepNs median GPU time of a step with tracing paused (ns), NaN when not measured
 * @param hostNsPerLaunchTraced eager runs: median over traced steps of the host time to enqueue one launch (ns),
 *     NaN for graph runs
 * @param hostNsPerLaunchUntraced eager runs: the same over the steps timed with tracing paused, NaN otherwise
 * @param noCuptiStepNs median GPU time of the run's step in a process without CUPTI (ns), NaN when not measured
 * @param problems problems recorded for the run
 * @param alerts problems the user must see at once (a traced run that received no kernel record), one line each
 */
public record RunOutcome(
        String name,
        double kernelsPerStep,
        double kernelNsPerStep,
        double tracedStepNs,
        double untracedStepNs,
        double hostNsPerLaunchTraced,
        double hostNsPerLaunchUntraced,
        double noCuptiStepNs,
        int problems,
        List<String> alerts) {

    static RunOutcome of(
            RunRequest request,
            List<KernelEvent> kernels,
            List<Double> traced,
            List<Double> untraced,
            List<Double> hostTraced,
            List<Double> hostUntraced,
            double noCuptiStepNs,
            List<Problem> problems) {
        long count = 0;
        long ns = 0;
        for (KernelEvent k : kernels) {
            if (k.hasAttribution() && k.attribution().step() >= 0) {
                count++;
                ns += k.durationNs();
            }
        }
        int steps = request.iters();
        return new RunOutcome(
                request.name(),
                (double) count / steps,
                (double) ns / steps,
                median(traced),
                median(untraced),
                median(hostTraced),
                median(hostUntraced),
                noCuptiStepNs,
                problems.size(),
                alerts(problems));
    }

    /** This outcome with {@code all} as the run's problems (e.g. after checks that read this outcome added some). */
    RunOutcome withProblems(List<Problem> all) {
        return new RunOutcome(
                name,
                kernelsPerStep,
                kernelNsPerStep,
                tracedStepNs,
                untracedStepNs,
                hostNsPerLaunchTraced,
                hostNsPerLaunchUntraced,
                noCuptiStepNs,
                all.size(),
                alerts(all));
    }

    private static List<String> alerts(List<Problem> problems) {
        return problems.stream()
                .filter(p -> p.code().equals(TraceCoverage.NO_KERNEL_RECORDS))
                .map(Problem::message)
                .toList();
    }

    /** Tracing overhead: traced over untraced step time, minus one (NaN when either is unknown). */
    public double overhead() {
        return tracedStepNs / untracedStepNs - 1;
    }

    /** Tracing overhead against the step in a process without CUPTI, minus one (NaN when that was not measured). */
    public double overheadVsNoCupti() {
        return tracedStepNs / noCuptiStepNs - 1;
    }

    /** META_DATA_EXPORT rows for run {@code runId}. */
    Map<String, String> metadata(long runId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(RunMetadata.key(runId, RunMetadata.STEP_GPU_NS_TRACED), format(tracedStepNs));
        m.put(RunMetadata.key(runId, RunMetadata.STEP_GPU_NS_UNTRACED), format(untracedStepNs));
        m.put(RunMetadata.key(runId, RunMetadata.TRACING_OVERHEAD), format(overhead()));
        if (!Double.isNaN(noCuptiStepNs)) {
            m.put(RunMetadata.key(runId, RunMetadata.STEP_GPU_NS_NO_CUPTI), format(noCuptiStepNs));
            m.put(RunMetadata.key(runId, RunMetadata.TRACING_OVERHEAD_NO_CUPTI), format(overheadVsNoCupti()));
        }
        if (!Double.isNaN(hostNsPerLaunchTraced)) {
            m.put(RunMetadata.key(runId, RunMetadata.HOST_NS_PER_LAUNCH_TRACED), format(hostNsPerLaunchTraced));
            m.put(RunMetadata.key(runId, RunMetadata.HOST_NS_PER_LAUNCH_UNTRACED), format(hostNsPerLaunchUntraced));
        }
        return m;
    }

    /** One line for the terminal. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%-28s %5.1f kernels/step  kernels %9.1f µs/step  step %9.1f µs traced, %9.1f µs untraced (%+.1f%%)%s%s%s",
                name,
                kernelsPerStep,
                kernelNsPerStep / 1e3,
                tracedStepNs / 1e3,
                untracedStepNs / 1e3,
                100 * overhead(),
                Double.isNaN(noCuptiStepNs)
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", %9.1f µs without CUPTI (%+.1f%%)",
                                noCuptiStepNs / 1e3,
                                100 * overheadVsNoCupti()),
                Double.isNaN(hostNsPerLaunchTraced)
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "  host %.2f / %.2f µs per launch",
                                hostNsPerLaunchTraced / 1e3,
                                hostNsPerLaunchUntraced / 1e3),
                problems > 0 ? "  " + problems + " problem(s)" : "");
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
