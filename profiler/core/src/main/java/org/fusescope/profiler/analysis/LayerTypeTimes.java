package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * Kernel time per decode step by layer type (or any label of a layer index), baseline vs candidate:
 * for each label, the median over the run's measured steps of the summed own times ({@link OwnTime}: a
 * programmatic launch's wait for its predecessor left out) of the kernels attributed to layers with that
 * label. The labels of a Qwen3-Next run are e.g. {@code linear attention} and {@code attention}; the rows
 * name how many layers each covers. Stateless.
 */
public final class LayerTypeTimes {
    private LayerTypeTimes() {}

    /**
     * One row per label, in the order the baseline's layers first show them.
     *
     * @param baselineLabel the label of each layer index of the baseline run
     * @param candidateLabel likewise for the candidate
     */
    public static List<MetricComparison> compare(
            RunTrace baseline,
            IntFunction<String> baselineLabel,
            RunTrace candidate,
            IntFunction<String> candidateLabel) {
        Map<String, Double> base = medians(baseline, baselineLabel);
        Map<String, Double> cand = medians(candidate, candidateLabel);
        Map<String, Integer> layers = layerCounts(baseline, baselineLabel);
        layerCounts(candidate, candidateLabel).forEach(layers::putIfAbsent);
        List<MetricComparison> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : layers.entrySet()) {
            String label = e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " layer)" : " layers)");
            rows.add(new MetricComparison(
                    label, "ns", base.getOrDefault(e.getKey(), 0.0), cand.getOrDefault(e.getKey(), 0.0)));
        }
        return rows;
    }

    /** The comparison as a table like the step totals. */
    public static ResultTable table(List<MetricComparison> rows) {
        return ComparisonTables.metrics("Kernel time per step by layer type (median over steps)", rows);
    }

    /** Label → median over steps of the label's kernel time in that step (a step without any counts 0). */
    static Map<String, Double> medians(RunTrace run, IntFunction<String> label) {
        Map<String, Map<Integer, Double>> perStep = new LinkedHashMap<>();
        TreeSet<Integer> steps = new TreeSet<>();
        Map<KernelEvent, Long> own = OwnTime.of(run.kernels());
        for (KernelEvent k : run.kernels()) {
            if (!k.hasAttribution()
                    || k.attribution().step() < 0
                    || k.attribution().layer() < 0) {
                continue;
            }
            int step = k.attribution().step();
            steps.add(step);
            perStep.computeIfAbsent(label.apply(k.attribution().layer()), l -> new HashMap<>())
                    .merge(step, (double) OwnTime.get(own, k), Double::sum);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        perStep.forEach((l, byStep) -> {
            out.put(
                    l,
                    Intervals.median(steps.stream()
                            .mapToDouble(s -> byStep.getOrDefault(s, 0.0))
                            .toArray()));
        });
        return out;
    }

    /** Label → distinct layers with kernels in measured steps, in order of first layer index. */
    private static Map<String, Integer> layerCounts(RunTrace run, IntFunction<String> label) {
        TreeSet<Integer> layers = new TreeSet<>();
        for (KernelEvent k : run.kernels()) {
            if (k.hasAttribution()
                    && k.attribution().step() >= 0
                    && k.attribution().layer() >= 0) {
                layers.add(k.attribution().layer());
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        layers.forEach(l -> counts.merge(label.apply(l), 1, Integer::sum));
        return counts;
    }
}
