package org.fusescope.runner.tp;

import java.util.SplittableRandom;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.runner.model.MixerWeights;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.model.SyntheticWeights;

/**
 * A small model that splits 1, 2 and 4 ways (tiny's 2 key heads do not split 4 ways), with fresh
 * random weights and inputs: layer 0 is gated delta net, layer 3 full attention.
 */
record TpFixture(ModelConfig config, long seed, MixerWeights mixer, MoeWeights moe, TpLayerStep.Input input) {
    static final ModelConfig CONFIG = new ModelConfig(
            "tp-test",
            256,
            4,
            16,
            4,
            64,
            64,
            true,
            1e-6,
            4,
            new AttentionDims(256, 8, 2, 32, 16, 1e4),
            new LinearAttentionDims(256, 4, 8, 32, 32, 4));

    /** Layer {@code layer} of {@link #CONFIG} with a fresh seed and {@code tokens} random tokens. */
    static TpFixture fresh(int layer, int tokens) {
        long seed = new SplittableRandom().nextLong();
        MixerWeights mixer = SyntheticWeights.mixer(CONFIG, layer, seed);
        int width =
                layer == 3 ? CONFIG.attention().queryWidth() : CONFIG.linear().vDim();
        SplittableRandom random = new SplittableRandom(seed);
        TpLayerStep.Input in = new TpLayerStep.Input(
                gaussian(random, tokens * width), gaussian(random, tokens * CONFIG.hidden()), tokens);
        return new TpFixture(CONFIG, seed, mixer, SyntheticWeights.generate(CONFIG, layer, seed), in);
    }

    static float[] gaussian(SplittableRandom random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble(1e-12, 1);
            x[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return x;
    }

    @Override
    public String toString() {
        return "layer " + moe.layer() + " of " + config.name() + ", seed " + seed + ", " + input.tokens() + " tokens";
    }
}
