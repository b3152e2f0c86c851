package org.fusescope.runner.model;

import java.nio.file.Path;

/**
 * Where a run's weights come from: seeded synthetic weights, or a HuggingFace checkpoint read layer by
 * layer, only the layers and tensors asked for. Layer 0's MoE block is kept once read (verification
 * reads it again); everything else is read each time it is asked for. Not thread-safe.
 */
public final class WeightSource {
    private final ModelConfig config;
    private final Checkpoint checkpoint;
    private final long seed;
    private MoeWeights first;

    private WeightSource(ModelConfig config, Checkpoint checkpoint, long seed) {
        this.config = config;
        this.checkpoint = checkpoint;
        this.seed = seed;
    }

    /** Synthetic weights from {@code seed}. */
    public static WeightSource synthetic(ModelConfig config, long seed) {
        return new WeightSource(config, null, seed);
    }

    /** The checkpoint in {@code dir} (opened, and its index and every shard's header checked, at once). */
    public static WeightSource checkpoint(ModelConfig config, Path dir) {
        Checkpoint checkpoint = Checkpoint.open(dir);
        checkpoint.checkHeaders();
        return new WeightSource(config, checkpoint, 0);
    }

    public ModelConfig config() {
        return config;
    }

    /** Whether the weights are synthetic (not from a checkpoint). */
    public boolean isSynthetic() {
        return checkpoint == null;
    }

    /** A short description, e.g. {@code synthetic (seed 7)} or the checkpoint directory. */
    public String describe() {
        return checkpoint == null
                ? "synthetic (seed " + seed + ")"
                : checkpoint.dir().toString();
    }

    /**
     * One layer's mixer (gated-delta-net or full attention, by the config's layer types).
     *
     * @throws IllegalArgumentException for a layer outside the model
     * @throws CheckpointException naming the file and tensor for a missing or mismatched tensor
     */
    public MixerWeights mixer(int layer) {
        return checkpoint == null
                ? SyntheticWeights.mixer(config, layer, seed)
                : checkpoint.mixerWeights(config, layer);
    }

    /** One layer's MoE block weights. */
    public MoeWeights layer(int layer) {
        if (layer == 0 && first != null) {
            return first;
        }
        MoeWeights w = checkpoint == null
                ? SyntheticWeights.generate(config, layer, seed)
                : checkpoint.moeWeights(config, layer);
        if (layer == 0) {
            first = w;
        }
        return w;
    }
}
