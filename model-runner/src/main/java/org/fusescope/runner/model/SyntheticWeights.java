package org.fusescope.runner.model;

import java.util.SplittableRandom;
import org.fusescope.kernels.ops.RandomFill;

/**
 * Seeded random MoE weights at a realistic scale: every matrix uniform with standard deviation {@code
 * 1/sqrt(fan_in)} (so a unit-scale input gives unit-scale outputs), the RMSNorm weight uniform in
 * {@code ±0.05} (the norm multiplies by {@code 1 + w}, so that is close to the identity). Generated in
 * parallel chunks ({@link RandomFill}); the result depends only on {@code (config, layer, seed)}.
 * Stateless, thread-safe.
 */
public final class SyntheticWeights {
    private static final double NORM_SCALE = 0.05;

    private SyntheticWeights() {}

    /**
     * One layer's weights.
     *
     * @param seed any value; the same seed, layer and config give bit-identical weights
     */
    public static MoeWeights generate(ModelConfig config, int layer, long seed) {
        long h = config.hidden();
        long e = config.experts();
        long i = config.inter();
        long si = config.sharedInter();
        SplittableRandom random = Seeds.forLayer(seed, layer, 0);
        return new MoeWeights(
                config,
                layer,
                RandomFill.bf16(random, e * h, uniformScale(h)),
                RandomFill.bf16(random, e * 2 * i * h, uniformScale(h)),
                RandomFill.bf16(random, e * h * i, uniformScale(i)),
                RandomFill.bf16(random, 2 * si * h, uniformScale(h)),
                RandomFill.bf16(random, h * si, uniformScale(si)),
                RandomFill.bf16(random, h, uniformScale(h)),
                RandomFill.bf16(random, h, NORM_SCALE));
    }

    /** U(-a, a) has standard deviation a/sqrt(3): a = sqrt(3 / fan_in) gives 1/sqrt(fan_in). */
    private static double uniformScale(long fanIn) {
        return Math.sqrt(3.0 / fanIn);
    }
}
