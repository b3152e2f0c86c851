package org.fusescope.kernels.shape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of a gated full-attention layer (docs/kernels.md, full attention layer): the one
 * definition that the kernels are compiled for (as {@code -D} constants) and validated against, that
 * the plain-Java references compute with, and that the runner's model configuration holds.
 * Immutable.
 *
 * <p>The constructor checks only what the layout needs (positive sizes, {@code Hq} a multiple of
 * {@code Hkv}, an even rotary width within the head), so the references can be tested on tiny
 * heads; {@link #checkKernelSizes()} adds what the CUDA kernels need on top.
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
        Args.positive("hidden", hidden);
        Args.positive("queryHeads", queryHeads);
        Args.positive("kvHeads", kvHeads);
        Args.positive("headDim", headDim);
        Args.check(
                queryHeads % kvHeads == 0,
                "queryHeads: expected a multiple of kvHeads (" + kvHeads + ") but was " + queryHeads);
        Args.check(
                rotaryDim >= 0 && rotaryDim % 2 == 0 && rotaryDim <= headDim,
                "rotaryDim: expected an even number in [0, headDim=" + headDim + "] but was " + rotaryDim);
        Args.check(ropeTheta > 1, "ropeTheta: expected > 1 but was " + ropeTheta);
    }

    /**
     * Checks the sizes the attention kernels can be compiled for: H and D multiples of 8 (the
     * kernels' 16-byte bf16 vectors) and at least 2 rotary dims.
     *
     * @throws IllegalArgumentException naming the size the kernels cannot take
     */
    public void checkKernelSizes() {
        Args.check(hidden % 8 == 0, "hidden must be a positive multiple of 8, not " + hidden);
        Args.check(headDim % 8 == 0, "head dim must be a positive multiple of 8, not " + headDim);
        Args.check(rotaryDim >= 2, "rotary dims must be even and in [2, D], not " + rotaryDim);
    }

    /** Query heads per kv head. */
    public int groupSize() {
        return queryHeads / kvHeads;
    }

    /** {@code Hq·D}: the width of a contiguous q or attention output row. */
    public int queryWidth() {
        return queryHeads * headDim;
    }

    /** {@code Hkv·D}: the width of a k or v row. */
    public int kvWidth() {
        return kvHeads * headDim;
    }

    /**
     * The compile-time constants of the attention kernels (rope theta is a launch argument).
     *
     * @throws IllegalArgumentException for sizes the kernels cannot take ({@link #checkKernelSizes()})
     */
    public Map<String, String> definitions() {
        checkKernelSizes();
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
