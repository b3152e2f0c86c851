package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.NumericCheck;

/** The step-total and numeric-check parts of a {@link RunComparison}. Stateless. */
final class StepComparison {
    private StepComparison() {}

    /** The step-total medians; the times carry a verdict with their spread over the steps. */
    static List<MetricComparison> compare(StepTotals base, StepTotals cand, ComparisonOptions options) {
        StepSummary b = base.summary();
        StepSummary c = cand.summary();
        return List.of(
                timed(StepMetric.GPU_BUSY, base, cand, options),
                timed(StepMetric.WALL, base, cand, options),
                new MetricComparison("Kernels", "", b.kernels(), c.kernels()),
                new MetricComparison("Launches", "", b.launches(), c.launches()),
                new MetricComparison("Bytes", "B", b.bytes(), c.bytes()),
                timed(StepMetric.GPU_GAPS, base, cand, options),
                timed(StepMetric.LAUNCH_OVERHEAD, base, cand, options));
    }

    private static MetricComparison timed(
            StepMetric metric, StepTotals base, StepTotals cand, ComparisonOptions options) {
        double[] b = metric.values(base);
        double[] c = metric.values(cand);
        return new MetricComparison(
                metric.label(), "ns", Intervals.median(b), Intervals.median(c), NoiseRule.judge(b, c, options));
    }

    /** Pairs checks by name, layer and step, in order of first appearance (baseline first). */
    static List<CheckPair> pairChecks(List<NumericCheck> baseline, List<NumericCheck> candidate) {
        Map<List<Object>, NumericCheck[]> pairs = new LinkedHashMap<>();
        for (NumericCheck check : baseline) {
            pairs.computeIfAbsent(key(check), k -> new NumericCheck[2])[0] = check;
        }
        for (NumericCheck check : candidate) {
            pairs.computeIfAbsent(key(check), k -> new NumericCheck[2])[1] = check;
        }
        List<CheckPair> out = new ArrayList<>();
        for (NumericCheck[] pair : pairs.values()) {
            NumericCheck any = pair[0] != null ? pair[0] : pair[1];
            out.add(new CheckPair(any.name(), any.layer(), any.step(), pair[0], pair[1]));
        }
        return out;
    }

    private static List<Object> key(NumericCheck check) {
        return List.of(String.valueOf(check.name()), check.layer(), check.step());
    }
}
