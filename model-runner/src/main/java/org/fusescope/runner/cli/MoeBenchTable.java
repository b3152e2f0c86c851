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
 * the anchors measured outside FuseScope ({@link #LIGHTLLM}, {@link #PYTORCH}). Step time is the median over the measured steps of the GPU span (first
 * kernel start to last kernel end, traced) and of the CUDA-event time of the same step with tracing
 * paused (the anchors' method). Stateless.
 */
final class MoeBenchTable {
    /**
     * A block time measured outside FuseScope, graph mode, by M: what the table compares against.
     *
     * @param column the column header, naming the implementation, the card and the day
     */
    record Anchor(String column, Map<Integer, Double> us) {}

    /**
     * The MoE block with LightLLM's Triton kernels after PR #1353, CUDA-graph replay, random bf16 weights
     * of the same shapes, one H100 on 2026-12-06 (docs/performance.md).
     */
    static final Anchor LIGHTLLM = new Anchor(
            "LightLLM graph µs (H100, 2026-12-06)", Map.of(1, 82.4, 4, 131.1, 16, 364.2, 64, 873.2, 256, 1184.1));

    /** The same block with PyTorch 2.11's {@code torch._grouped_mm}, same card, day and method. */
    static final Anchor PYTORCH = new Anchor(
            "PyTorch graph µs (H100, 2026-12-06)", Map.of(1, 168.4, 4, 248.4, 16, 506.9, 64, 1062.8, 256, 1439.0));

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
                        + " | fused speed-up | fused × floor | " + LIGHTLLM.column() + " | fused vs LightLLM | "
                        + PYTORCH.column() + " | fused vs PyTorch | kernels unfused → fused |");
        lines.add("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
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
            boolean graph = unfused.mode().equals("graph");
            lines.add(String.format(
                    Locale.ROOT,
                    "| %d | %s | %.0f | %.0f | %.1f | %.1f / %.1f | %.1f / %.1f | %.2f× | %.2f× | %s | %.0f → %.0f |",
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
                    anchorCells(graph ? LIGHTLLM.us().get(unfused.batch()) : null, fs[1])
                            + " | "
                            + anchorCells(graph ? PYTORCH.us().get(unfused.batch()) : null, fs[1]),
                    median(StepTotals.of(u).rows().stream()
                            .mapToDouble(StepRow::kernels)
                            .toArray()),
                    median(StepTotals.of(f).rows().stream()
                            .mapToDouble(StepRow::kernels)
                            .toArray())));
        }
        return lines;
    }

    /** An anchor's time and the fused block's speed-up over it ({@code anchor / fused}), or dashes. */
    private static String anchorCells(Double anchorUs, double fusedUs) {
        if (anchorUs == null) {
            return "– | –";
        }
        return String.format(Locale.ROOT, "%.1f | %.2f×", anchorUs, anchorUs / fusedUs);
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
