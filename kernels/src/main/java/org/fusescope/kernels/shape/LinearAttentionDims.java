package org.fusescope.kernels.shape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of a gated-delta-net (linear attention) layer (docs/kernels.md, gated-delta-net layer):
 * the one definition that the kernels are compiled for (as {@code -D} constants) and validated
 * against, that the plain-Java references compute with, and that the runner's model configuration
 * holds. Immutable.
 *
 * <p>The constructor checks only what the layout needs (positive sizes, {@code Hv} a multiple of
 * {@code Hk}, a conv at least 2 wide), so the references can be tested on tiny heads; {@link
 * #checkKernelSizes()} adds what the CUDA kernels need on top.
 *
 * @param hidden H
 * @param keyHeads Hk (q and k heads; each is shared by {@code valueHeads / keyHeads} value heads)
 * @param valueHeads Hv
 * @param keyDim Dk
 * @param valueDim Dv
 * @param convKernel width W of the causal depthwise convolution (its state keeps W - 1 columns)
 */
public record LinearAttentionDims(int hidden, int keyHeads, int valueHeads, int keyDim, int valueDim, int convKernel) {
    /** Qwen3-Next-80B-A3B and Qwen3.5-35B-A3B. */
    public static final LinearAttentionDims QWEN3_NEXT = new LinearAttentionDims(2048, 16, 32, 128, 128, 4);
    /** A tiny layer for quick tests. */
    public static final LinearAttentionDims TINY = new LinearAttentionDims(256, 2, 4, 32, 32, 4);

    public LinearAttentionDims {
        Args.positive("hidden", hidden);
        Args.positive("keyHeads", keyHeads);
        Args.positive("valueHeads", valueHeads);
        Args.positive("keyDim", keyDim);
        Args.positive("valueDim", valueDim);
        Args.check(
                valueHeads % keyHeads == 0,
                "valueHeads: expected a multiple of keyHeads (" + keyHeads + ") but was " + valueHeads);
        Args.check(convKernel >= 2, "convKernel: expected >= 2 but was " + convKernel);
    }

    /**
     * Checks the sizes the gated-delta-net kernels can be compiled for: H, Dk and Dv multiples of 8
     * (the kernels' 16-byte bf16 vectors).
     *
     * @throws IllegalArgumentException naming the size the kernels cannot take
     */
    public void checkKernelSizes() {
        Args.check(hidden % 8 == 0, "hidden must be a positive multiple of 8, not " + hidden);
        Args.check(
                keyDim % 8 == 0 && valueDim % 8 == 0,
                "head dims must be positive multiples of 8, got Dk=" + keyDim + ", Dv=" + valueDim);
    }

    /** Value heads per key head, {@code Hv / Hk} (value head h reads key head {@code h / (Hv / Hk)}). */
    public int valueHeadsPerKeyHead() {
        return valueHeads / keyHeads;
    }

    /** {@code Hk·Dk}: the width of q and of k. */
    public int qkDim() {
        return keyHeads * keyDim;
    }

    /** {@code Hv·Dv}: the width of v, z and o. */
    public int vDim() {
        return valueHeads * valueDim;
    }

    /** Columns of the conv state per channel: W - 1. */
    public int stateCols() {
        return convKernel - 1;
    }

    /** Channels of the causal convolution: q, k and v ({@code 2·Hk·Dk + Hv·Dv}). */
    public int convDim() {
        return 2 * keyHeads * keyDim + valueHeads * valueDim;
    }

    /** Output features of the input projection: q, k, v, z, b, a ({@code 2·Hk·Dk + 2·Hv·Dv + 2·Hv}). */
    public int projectionDim() {
        return 2 * keyHeads * keyDim + 2 * valueHeads * valueDim + 2 * valueHeads;
    }

    /**
     * The compile-time constants of the gated-delta-net kernels.
     *
     * @throws IllegalArgumentException for sizes the kernels cannot take ({@link #checkKernelSizes()})
     */
    public Map<String, String> definitions() {
        checkKernelSizes();
        Map<String, String> d = new LinkedHashMap<>();
        d.put("HIDDEN", Integer.toString(hidden));
        d.put("KEY_HEADS", Integer.toString(keyHeads));
        d.put("VALUE_HEADS", Integer.toString(valueHeads));
        d.put("KEY_DIM", Integer.toString(keyDim));
        d.put("VALUE_DIM", Integer.toString(valueDim));
        d.put("CONV_KERNEL", Integer.toString(convKernel));
        return d;
    }

    @Override
    public String toString() {
        return "H" + hidden + " Hk" + keyHeads + " Hv" + valueHeads + " Dk" + keyDim + " Dv" + valueDim + " W"
                + convKernel;
    }
}
