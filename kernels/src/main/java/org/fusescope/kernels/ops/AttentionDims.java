package org.fusescope.kernels.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of a gated full-attention layer that its kernels are compiled for (as {@code -D}
 * constants) and validated against (docs/kernels.md, full attention layer).
 *
 * @param hidden H
 * @param queryHeads Hq
 * @param kvHeads Hkv (each serves {@code queryHeads / kvHeads} query heads)
 * @param headDim D
 * @param rotaryDim leading dims of each head that get the rotary embedding (even, at most D)
 * @param ropeTheta rotary base
 */
public record AttentionDims(int hidden, int queryHeads, int kvHeads, int headDim, int rotaryDim, double ropeTheta) {
    /** Qwen3-Next-80B-A3B and Qwen3.5-35B-A3B. */
    public static final AttentionDims QWEN3_NEXT = new AttentionDims(2048, 16, 2, 256, 64, 1.0e7);
    /** A tiny layer for quick tests. */
    public static final AttentionDims TINY = new AttentionDims(256, 4, 2, 64, 16, 1.0e4);

    public AttentionDims {
        if (hidden < 8 || hidden % 8 != 0) {
            throw new IllegalArgumentException("hidden must be a positive multiple of 8, not " + hidden);
        }
        if (kvHeads < 1 || queryHeads < kvHeads || queryHeads % kvHeads != 0) {
            throw new IllegalArgumentException(
                    "query heads must be a positive multiple of kv heads, got Hq=" + queryHeads + ", Hkv=" + kvHeads);
        }
        if (headDim < 8 || headDim % 8 != 0) {
            throw new IllegalArgumentException("head dim must be a positive multiple of 8, not " + headDim);
        }
        if (rotaryDim < 2 || rotaryDim % 2 != 0 || rotaryDim > headDim) {
            throw new IllegalArgumentException("rotary dims must be even and in [2, D], not " + rotaryDim);
        }
        if (!(ropeTheta > 1)) {
            throw new IllegalArgumentException("rope theta must be greater than 1, not " + ropeTheta);
        }
    }

    /** Query heads per kv head. */
    public int groupSize() {
        return queryHeads / kvHeads;
    }

    /** The compile-time constants of the attention kernels (rope theta is a launch argument). */
    public Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("HIDDEN", Integer.toString(hidden));
        d.put("Q_HEADS", Integer.toString(queryHeads));
        d.put("KV_HEADS", Integer.toString(kvHeads));
        d.put("HEAD_DIM", Integer.toString(headDim));
        d.put("ROTARY_DIM", Integer.toString(rotaryDim));
        return d;
    }

    @Override
    public String toString() {
        return "H" + hidden + " Hq" + queryHeads + " Hkv" + kvHeads + " D" + headDim + " rot" + rotaryDim;
    }
}
