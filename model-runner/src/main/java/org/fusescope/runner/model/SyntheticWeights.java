package org.fusescope.runner.model;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.ops.RandomFill;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Seeded random weights at a realistic scale: every matrix (and the depthwise convolution) uniform with
 * standard deviation {@code 1/sqrt(fan_in)} (so a unit-scale input gives unit-scale outputs), the
 * zero-centred RMSNorm weights uniform in {@code ±0.05} (the norm multiplies by {@code 1 + w}, so that
 * is close to the identity), the gated-delta-net's plain norm weight in {@code 1 ± 0.05}, its {@code
 * dt_bias} in {@code 1 ± 0.05} (HuggingFace initialises it to 1) and {@code A_log = log(A)} with {@code
 * A} uniform in [1, 16] (HuggingFace draws A from [0, 16]; from 1 up keeps the logarithm finite).
 * Generated in parallel chunks ({@link RandomFill}); the result depends only on {@code (config, layer,
 * seed)}, and a layer's MoE block and mixer come from unrelated streams. Stateless, thread-safe.
 */
public final class SyntheticWeights {
    private static final double NORM_SCALE = 0.05;
    private static final double A_MIN = 1;
    private static final double A_MAX = 16;
    private static final int MOE_STREAM = 0;
    private static final int MIXER_STREAM = 1;

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
        SplittableRandom random = Seeds.forLayer(seed, layer, MOE_STREAM);
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

    /**
     * One layer's mixer, of the type the config gives the layer.
     *
     * @param seed any value; the same seed, layer and config give bit-identical weights
     */
    public static MixerWeights mixer(ModelConfig config, int layer, long seed) {
        SplittableRandom random = Seeds.forLayer(seed, layer, MIXER_STREAM);
        long h = config.hidden();
        return switch (config.layerType(layer)) {
            case LINEAR_ATTENTION -> {
                LinearAttentionDims c = config.linear();
                long hv = c.valueHeads();
                long valueRows = hv * c.valueDim();
                yield new LinearAttentionWeights(
                        config,
                        layer,
                        RandomFill.bf16(random, h, NORM_SCALE),
                        RandomFill.bf16(random, c.projectionDim() * h, uniformScale(h)),
                        RandomFill.bf16(random, (long) c.convDim() * c.convKernel(), uniformScale(c.convKernel())),
                        around(random, hv, 1, NORM_SCALE),
                        aLog(random, hv),
                        around(random, c.valueDim(), 1, NORM_SCALE),
                        RandomFill.bf16(random, h * valueRows, uniformScale(valueRows)));
            }
            case FULL_ATTENTION -> {
                AttentionDims c = config.attention();
                long qDim = (long) c.queryHeads() * c.headDim();
                long kvDim = (long) c.kvHeads() * c.headDim();
                yield new AttentionWeights(
                        config,
                        layer,
                        RandomFill.bf16(random, h, NORM_SCALE),
                        RandomFill.bf16(random, 2 * qDim * h, uniformScale(h)),
                        RandomFill.bf16(random, kvDim * h, uniformScale(h)),
                        RandomFill.bf16(random, kvDim * h, uniformScale(h)),
                        RandomFill.bf16(random, h * qDim, uniformScale(qDim)),
                        RandomFill.bf16(random, c.headDim(), NORM_SCALE),
                        RandomFill.bf16(random, c.headDim(), NORM_SCALE));
            }
        };
    }

    /** bf16 bits uniform in {@code center ± spread}. */
    private static short[] around(SplittableRandom random, long n, double center, double spread) {
        float[] x = RandomFill.floats(random, n, spread);
        short[] out = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Bf16.fromFloat((float) (center + x[i]));
        }
        return out;
    }

    /** bf16 bits of {@code log(A)}, A uniform in [A_MIN, A_MAX]. */
    private static short[] aLog(SplittableRandom random, long n) {
        float[] x = RandomFill.floats(random, n, (A_MAX - A_MIN) / 2);
        short[] out = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Bf16.fromFloat((float) Math.log((A_MAX + A_MIN) / 2 + x[i]));
        }
        return out;
    }

    /** U(-a, a) has standard deviation a/sqrt(3): a = sqrt(3 / fan_in) gives 1/sqrt(fan_in). */
    private static double uniformScale(long fanIn) {
        return Math.sqrt(3.0 / fanIn);
    }
}
