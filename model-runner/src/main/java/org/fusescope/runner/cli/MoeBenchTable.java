package org.fusescope.runner.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusescope.profiler.analysis.StepRow;
import org.fusescope.profiler.analysis.StepTotals;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunMetadata;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.model.ModelConfig;

/**
 * The MoE-block benchmark table of a recording: per batch and mode, the unfused and fused step times
 * beside the floor (the weight bytes the step must read at the measured copy bandwidth) and
 * docs/performance.md's anchors. Step time is the median over the measured steps of the GPU span (first
 * kernel start to last kernel end, traced) and of the CUDA-event time of the same step with tracing
 * paused (the anchors' method). Stateless.
 */
final class MoeBenchTable {
    /** LightLLM's Triton MoE block after PR #1353, graph mode, H100 (docs/performance.md), µs by M. */
    static final Map<Integer, Double> LIGHTLLM_GRAPH_US = Map.of(1, 82.4, 4, 135.4, 16, 379.5, 64, 913.2, 256, 1240.0);

    private MoeBenchTable() {}

    /** One row per batch and mode present with both variants, as Markdown lines. */
    static List<String> markdown(TraceReader reader) {
        DeviceInfo device = reader.devices().get(0);
        Map<String, String> meta = reader.metadata();
        Map<String, RunInfo> byName = new LinkedHashMap<>();
        reader.runs().forEach(r -> byName.put(r.name(), r));
        List<String> lines = new ArrayList<>();
        lines.add(
                "| M | mode | experts touched | weight MB | floor µs | unfused µs (span / events) | fused µs (span / events)"
                        + " | fused speed-up | fused × floor | LightLLM graph µs | fused vs LightLLM | kernels unfused → fused |");
        lines.add("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (RunInfo unfused : reader.runs()) {
            if (!unfused.variant().equals("unfused")) {
                continue;
            }
            RunInfo fused = byName.get("fused b=" + unfused.batch() + " " + unfused.mode());
            if (fused == null) {
                continue;
            }
            RunTrace u = reader.load(unfused.id());
            RunTrace f = reader.load(fused.id());
            ModelConfig config = ModelConfig.fromJson(unfused.configJson());
            double touched = medianTouched(u, config.experts());
            double bytes = 2.0 * (touched + 1) * 3 * config.inter() * config.hidden()
                    + 2.0 * config.experts() * config.hidden();
            double floorUs = bytes / device.referenceBandwidthBytesPerSec() * 1e6;
            double[] us = stepUs(u, meta, unfused.id());
            double[] fs = stepUs(f, meta, fused.id());
            Double anchor = unfused.mode().equals("graph") ? LIGHTLLM_GRAPH_US.get(unfused.batch()) : null;
            lines.add(String.format(
                    Locale.ROOT,
                    "| %d | %s | %.0f | %.0f | %.1f | %.1f / %.1f | %.1f / %.1f | %.2f× | %.2f× | %s | %s | %.0f → %.0f |",
                    unfused.batch(),
                    unfused.mode(),
                    touched,
                    bytes / 1e6,
                    floorUs,
                    us[0],
                    us[1],
                    fs[0],
                    fs[1],
                    us[1] / fs[1],
                    fs[1] / floorUs,
                    anchor == null ? "–" : String.format(Locale.ROOT, "%.1f", anchor),
                    anchor == null ? "–" : String.format(Locale.ROOT, "%.2f×", anchor / fs[1]),
                    median(StepTotals.of(u).rows().stream()
                            .mapToDouble(StepRow::kernels)
                            .toArray()),
                    median(StepTotals.of(f).rows().stream()
                            .mapToDouble(StepRow::kernels)
                            .toArray())));
        }
        return lines;
    }

    /** {median GPU span µs, median untraced event time µs (NaN when not recorded)}. */
    private static double[] stepUs(RunTrace t, Map<String, String> meta, long runId) {
        double span = median(StepTotals.of(t).rows().stream()
                .mapToDouble(r -> r.gpuBusyNs() + r.gpuGapNs())
                .toArray());
        String events = meta.get(RunMetadata.key(runId, RunMetadata.STEP_GPU_NS_UNTRACED));
        return new double[] {
            span / 1e3, events == null || events.isEmpty() ? Double.NaN : Double.parseDouble(events) / 1e3
        };
    }

    /** Routed experts with at least one token in layer 0, median over the steps. */
    private static double medianTouched(RunTrace t, int routedExperts) {
        return median(t.expertCounts().stream()
                .filter(c -> c.layer() == 0)
                .mapToDouble(c -> touched(c, routedExperts))
                .toArray());
    }

    private static int touched(ExpertCounts c, int routedExperts) {
        int n = 0;
        for (int e = 0; e < Math.min(routedExperts, c.experts()); e++) {
            n += c.tokens(e) > 0 ? 1 : 0;
        }
        return n;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
