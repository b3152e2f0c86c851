package org.fusescope.profiler.synthetic;

/**
 * What to generate: the MoE block's shapes, the variant, the launch mode and where the run lies on
 * the timeline. Immutable and thread-safe.
 *
 * <p>The shared expert has the routed experts' intermediate size {@code intermediate} (both presets
 * do, and {@code shared_as_expert} needs it: the shared expert becomes expert E of the grouped GEMMs).
 *
 * @param seed the seed of every random choice (routing, durations, jitter); same spec, same trace
 * @param experts routed experts E
 * @param topK experts per token K (1 ≤ K ≤ E)
 * @param hidden hidden size H
 * @param intermediate expert intermediate size I (also the shared expert's)
 * @param sharedAsExpert in the {@code fused} variant: the shared expert rides the grouped GEMMs as
 *     expert E ({@code shared_as_expert}); when false the fused variant uses {@code shared_gate}
 *     instead. Ignored by the {@code unfused} variant
 * @param layers decoder layers per step (each has one MoE block)
 * @param steps decode steps
 * @param batch tokens in the decode batch M
 * @param variant {@code unfused} or {@code fused}
 * @param mode {@code eager} (a launch per kernel) or {@code graph} (a graph launch per step)
 * @param startNs where the run's first event starts (ns on the synthetic CUPTI clock)
 * @param runId the run's id in its recording (≥ 1); also keeps correlation ids unique across runs
 */
public record SyntheticSpec(
        long seed,
        int experts,
        int topK,
        int hidden,
        int intermediate,
        boolean sharedAsExpert,
        int layers,
        int steps,
        int batch,
        String variant,
        String mode,
        long startNs,
        long runId) {
    /** The unfused baseline. */
    public static final String UNFUSED = "unfused";
    /**
     * Every fusion switch of the MoE block on, with the kernels of the golden recording: topk_softmax_shared
     * and moe_align_fused, i.e. the runner's {@code fused-topk_wide-align_shared_counts} (the fusion groups
     * are those of its {@code fused}).
     */
    public static final String FUSED = "fused";
    /** One driver-API launch per kernel. */
    public static final String EAGER = "eager";
    /** One CUDA graph launch per step. */
    public static final String GRAPH = "graph";

    public SyntheticSpec {
        if (experts < 1 || topK < 1 || topK > experts) {
            throw new IllegalArgumentException("need 1 ≤ topK ≤ experts, got K=" + topK + " E=" + experts);
        }
        if (hidden < 1 || intermediate < 1 || layers < 1 || steps < 1 || batch < 1) {
            throw new IllegalArgumentException("hidden, intermediate, layers, steps and batch must be ≥ 1");
        }
        if (!UNFUSED.equals(variant) && !FUSED.equals(variant)) {
            throw new IllegalArgumentException("variant must be unfused or fused, got " + variant);
        }
        if (!EAGER.equals(mode) && !GRAPH.equals(mode)) {
            throw new IllegalArgumentException("mode must be eager or graph, got " + mode);
        }
        if (startNs < 0 || runId < 1) {
            throw new IllegalArgumentException("startNs must be ≥ 0 and runId ≥ 1");
        }
    }

    /** Qwen3-Next-80B-A3B (E 512, K 10, H 2048, I 512), 48 layers, 3 steps, seed 42, shared as expert. */
    public static SyntheticSpec qwen3Next(int batch, String variant, String mode) {
        return new SyntheticSpec(42, 512, 10, 2048, 512, true, 48, 3, batch, variant, mode, 1_000_000_000L, 1);
    }

    /** A tiny model for tests (E 16, K 4, H 256, I 64), 2 layers, 2 steps, seed 42, shared as expert. */
    public static SyntheticSpec tiny(int batch, String variant, String mode) {
        return new SyntheticSpec(42, 16, 4, 256, 64, true, 2, 2, batch, variant, mode, 1_000_000_000L, 1);
    }

    /** True for the fused variant. */
    public boolean fused() {
        return FUSED.equals(variant);
    }

    /** True in graph mode. */
    public boolean graph() {
        return GRAPH.equals(mode);
    }

    /** True when the shared expert is appended as expert E (fused variant with the switch on). */
    public boolean sharedExpertAppended() {
        return fused() && sharedAsExpert;
    }

    /** The same spec with another seed. */
    public SyntheticSpec withSeed(long newSeed) {
        return new SyntheticSpec(
                newSeed,
                experts,
                topK,
                hidden,
                intermediate,
                sharedAsExpert,
                layers,
                steps,
                batch,
                variant,
                mode,
                startNs,
                runId);
    }

    /** The same spec with another size of run. */
    public SyntheticSpec withSize(int newLayers, int newSteps) {
        return new SyntheticSpec(
                seed,
                experts,
                topK,
                hidden,
                intermediate,
                sharedAsExpert,
                newLayers,
                newSteps,
                batch,
                variant,
                mode,
                startNs,
                runId);
    }

    /** The same model and seed at another batch, variant and mode. */
    public SyntheticSpec withRun(int newBatch, String newVariant, String newMode) {
        return new SyntheticSpec(
                seed,
                experts,
                topK,
                hidden,
                intermediate,
                sharedAsExpert,
                layers,
                steps,
                newBatch,
                newVariant,
                newMode,
                startNs,
                runId);
    }

    /** The same spec placed elsewhere: another run id and start time (ns). */
    public SyntheticSpec placedAt(long newRunId, long newStartNs) {
        return new SyntheticSpec(
                seed,
                experts,
                topK,
                hidden,
                intermediate,
                sharedAsExpert,
                layers,
                steps,
                batch,
                variant,
                mode,
                newStartNs,
                newRunId);
    }
}
