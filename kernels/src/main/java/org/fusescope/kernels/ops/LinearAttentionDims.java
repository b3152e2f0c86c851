package org.fusescope.kernels.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of a gated-delta-net (linear attention) layer that its kernels are compiled for (as
 * {@code -D} constants) and validated against (docs/kernels.md, gated-delta-net layer).
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
        if (hidden < 8 || hidden % 8 != 0) {
            throw new IllegalArgumentException("hidden must be a positive multiple of 8, not " + hidden);
        }
        if (keyHeads < 1 || valueHeads < keyHeads || valueHeads % keyHeads != 0) {
            throw new IllegalArgumentException(
                    "value heads must be a positive multiple of key heads, got Hk=" + keyHeads + ", Hv=" + valueHeads);
        }
        if (keyDim < 8 || keyDim % 8 != 0 || valueDim < 8 || valueDim % 8 != 0) {
            throw new IllegalArgumentException(
                    "head dims must be positive multiples of 8, got Dk=" + keyDim + ", Dv=" + valueDim);
        }
        if (convKernel < 2) {
            throw new IllegalArgumentException("conv kernel width must be at least 2, not " + convKernel);
        }
    }

    /** Channels of the causal convolution: q, k and v ({@code 2·Hk·Dk + Hv·Dv}). */
    public int convDim() {
        return 2 * keyHeads * keyDim + valueHeads * valueDim;
    }

    /** Output features of the input projection: q, k, v, z, b, a ({@code 2·Hk·Dk + 2·Hv·Dv + 2·Hv}). */
    public int projectionDim() {
        return 2 * keyHeads * keyDim + 2 * valueHeads * valueDim + 2 * valueHeads;
    }

    /** The compile-time constants of the gated-delta-net kernels. */
    public Map<String, String> definitions() {
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
