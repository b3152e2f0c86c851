package org.fusescope.runner.step;

import java.util.SplittableRandom;
import org.fusescope.kernels.ops.RandomFill;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * The decode state a run starts from, seeded so that the GPU and a CPU reference build the same one:
 * a decode step at context C, as if every request had already seen C tokens. Per gated-delta-net layer
 * and request the conv state ({@code [convDim, W-1]} bf16, uniform ±{@value #CONV_SCALE}: earlier
 * projection outputs are of that size) and the recurrent state ({@code [Hv, Dk, Dv]} fp32, uniform
 * ±{@value #RECURRENT_SCALE}); per attention layer and request the k and v caches ({@code [Hkv, C + 1,
 * D]} bf16, uniform ±{@value #KV_SCALE}: C random past tokens, the last slot is where the step appends).
 * Every request's position is C. Each (layer, request, tensor) has its own random stream, so one
 * request's state can be rebuilt alone. Stateless.
 */
public final class InitialDecodeState {
    public static final double CONV_SCALE = 1.0;
    public static final double RECURRENT_SCALE = 0.5;
    public static final double KV_SCALE = 1.0;

    private static final int CONV = 1;
    private static final int RECURRENT = 2;
    private static final int KEYS = 3;
    private static final int VALUES = 4;

    private InitialDecodeState() {}

    /** Request {@code request}'s conv state in gated-delta-net layer {@code layer}, {@code [convDim, W-1]}. */
    public static short[] convState(StepSpec spec, int layer, int request) {
        LinearAttentionDims g = spec.config().linear();
        return RandomFill.bf16(
                random(spec, layer, request, CONV), (long) g.convDim() * (g.convKernel() - 1), CONV_SCALE);
    }

    /** Request {@code request}'s recurrent state in layer {@code layer}, {@code [Hv, Dk, Dv]} fp32. */
    public static float[] recurrentState(StepSpec spec, int layer, int request) {
        LinearAttentionDims g = spec.config().linear();
        return RandomFill.floats(
                random(spec, layer, request, RECURRENT),
                (long) g.valueHeads() * g.keyDim() * g.valueDim(),
                RECURRENT_SCALE);
    }

    /** Request {@code request}'s k cache in attention layer {@code layer}, {@code [Hkv, C + 1, D]}. */
    public static short[] keys(StepSpec spec, int layer, int request) {
        return RandomFill.bf16(random(spec, layer, request, KEYS), cacheElements(spec), KV_SCALE);
    }

    /** Request {@code request}'s v cache in attention layer {@code layer}, {@code [Hkv, C + 1, D]}. */
    public static short[] values(StepSpec spec, int layer, int request) {
        return RandomFill.bf16(random(spec, layer, request, VALUES), cacheElements(spec), KV_SCALE);
    }

    /** Every request's position: the context C (tokens already cached). */
    public static int[] positions(StepSpec spec) {
        int[] p = new int[spec.batch()];
        java.util.Arrays.fill(p, spec.context().tokens());
        return p;
    }

    /** Slots of one request's k (or v) cache: {@code Hkv · (C + 1) · D}. */
    public static long cacheElements(StepSpec spec) {
        AttentionDims a = spec.config().attention();
        return (long) a.kvHeads() * spec.context().attendedTokens() * a.headDim();
    }

    private static SplittableRandom random(StepSpec spec, int layer, int request, int tensor) {
        long key = ((long) layer * 1_000_003L + request) * 8 + tensor;
        return new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + key * 0xBF58476D1CE4E5B9L + 0x5EED);
    }
}
