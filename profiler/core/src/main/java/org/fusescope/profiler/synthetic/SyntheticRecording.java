package org.fusescope.profiler.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.RunTrace;

/**
 * A synthetic recording: one run per batch × mode × variant (variants of one batch and mode next to
 * each other, for comparison), ids 1, 2, ... in that order, each run's window starting
 * {@value #GAP_NS} ns after the previous run's last event, so windows never overlap. Stateless and
 * thread-safe.
 */
public final class SyntheticRecording {
    /** Idle time between two runs (ns), like the runner's setup between runs. */
    public static final long GAP_NS = 1_000_000;

    private SyntheticRecording() {}

    /**
     * Generates the runs.
     *
     * @param base the model, seed, size and start time (ns) of the first run; its batch, variant,
     *     mode and run id are replaced
     * @param batches tokens per step M, in order
     * @param variants {@code unfused} and/or {@code fused}, in order
     * @param modes {@code eager} and/or {@code graph}, in order
     */
    public static List<RunTrace> generate(
            SyntheticSpec base, List<Integer> batches, List<String> variants, List<String> modes) {
        List<RunTrace> runs = new ArrayList<>();
        long start = base.startNs();
        long id = 1;
        for (int batch : batches) {
            for (String mode : modes) {
                for (String variant : variants) {
                    RunTrace run = SyntheticTraceGenerator.generate(
                            base.withRun(batch, variant, mode).placedAt(id++, start));
                    runs.add(run);
                    start = run.run().endNs() + GAP_NS;
                }
            }
        }
        return List.copyOf(runs);
    }
}
