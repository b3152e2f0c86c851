package org.fusescope.runner.record;

import java.util.List;
import java.util.Locale;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.runner.step.DecodeSplit;
import org.fusescope.runner.step.StepSpec;

/**
 * One run to record: a step at one variant and batch, in one mode, with its warm-up and measured
 * steps. Immutable.
 *
 * @param variant the name the user gave ({@code unfused}, {@code fused} or switches joined by {@code +})
 * @param graph CUDA-graph mode (one replay per step) rather than eager launches
 * @param warmup unrecorded-as-step iterations before the measured ones (graph mode: one eager step,
 *     which also makes the attribution template, then {@code warmup} replays)
 * @param iters measured decode steps
 */
public record RunRequest(StepSpec spec, String variant, boolean graph, int warmup, int iters) {
    public RunRequest {
        if (warmup < 0 || iters < 1) {
            throw new IllegalArgumentException("need warmup >= 0 and iters >= 1, got " + warmup + " and " + iters);
        }
    }

    /** This run with its decode context split for {@code multiprocessors} SMs ({@link DecodeSplit}). */
    public RunRequest forDevice(int multiprocessors) {
        return new RunRequest(DecodeSplit.forDevice(spec, multiprocessors), variant, graph, warmup, iters);
    }

    public String mode() {
        return graph ? "graph" : "eager";
    }

    /** The run's label, e.g. {@code fused b=64 graph}. */
    public String name() {
        return variant + " b=" + spec.batch() + " " + mode();
    }

    /** The switches that were on, by name, in declaration order. */
    public List<String> fusions() {
        return spec.switches().stream()
                .sorted()
                .map(Fusion::switchName)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }
}
