package org.fusescope.kernels.reference;

/**
 * The head layout the attention references work on (the ops' {@code AttentionDims} without the
 * sizes they do not need). Immutable.
 *
 * @param queryHeads Hq
 * @param kvHeads Hkv, each serving {@code Hq / Hkv} query heads
 * @param headDim D
 */
public record AttentionHeads(int queryHeads, int kvHeads, int headDim) {
    public AttentionHeads {
        Shapes.positive("queryHeads", queryHeads);
        Shapes.positive("kvHeads", kvHeads);
        Shapes.positive("headDim", headDim);
        if (queryHeads % kvHeads != 0) {
            throw new IllegalArgumentException(
                    "queryHeads: expected a multiple of kvHeads (" + kvHeads + ") but was " + queryHeads);
        }
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
}
