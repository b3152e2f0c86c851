package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * The q projection's row layout in HuggingFace Qwen3-Next: per query head {@code [query (D) | gate
 * (D)]}, i.e. {@code [rows, Hq, 2·D]} ({@code query, gate = chunk(q_proj(x).view(..., Hq, 2·D), 2)}).
 * Splits it into contiguous {@code [rows, Hq·D]} queries or gates. Stateless.
 */
public final class QueryGateLayout {
    private QueryGateLayout() {}

    /** The queries of {@code qGate} {@code [rows, Hq, 2·D]}, contiguous {@code [rows, Hq·D]}. */
    public static float[] queries(float[] qGate, int rows, AttentionDims heads) {
        return half(qGate, rows, heads, 0);
    }

    /** The gates of {@code qGate} {@code [rows, Hq, 2·D]}, contiguous {@code [rows, Hq·D]}. */
    public static float[] gates(float[] qGate, int rows, AttentionDims heads) {
        return half(qGate, rows, heads, heads.headDim());
    }

    private static float[] half(float[] qGate, int rows, AttentionDims heads, int from) {
        Args.positive("rows", rows);
        int d = heads.headDim();
        Args.length(
                "qGate",
                qGate,
                2L * rows * heads.queryWidth(),
                Args.dims("rows", rows, "queryHeads", heads.queryHeads(), "2*headDim", 2 * d));
        float[] out = new float[rows * heads.queryWidth()];
        for (int r = 0; r < rows * heads.queryHeads(); r++) {
            System.arraycopy(qGate, r * 2 * d + from, out, r * d, d);
        }
        return out;
    }
}
