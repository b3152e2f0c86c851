package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * Reference of {@code decode_attention_combine.cu}: merges the split decode attention's per-chunk
 * results ({@link DecodeAttentionReference#partials}) of the chunks that hold keys, {@code out =
 * bf16(Σ_c 2^(lse_c − M) o_c / Σ_c 2^(lse_c − M))}, {@code M = max_c lse_c}; float64 inside. A
 * position outside {@code [0, maxContext)} gives NaN.
 */
public final class DecodeAttentionCombineReference {
    private DecodeAttentionCombineReference() {}

    /**
     * @param partialO {@code [rows, Hq, chunks, D]}
     * @param partialLse {@code [rows, Hq, chunks]}
     * @param positions {@code [rows]}: request m has {@code positions[m] + 1} keys, so its first
     *     {@code min(chunks, ceil((positions[m] + 1) / chunkSize))} chunks hold keys
     * @return {@code [rows, Hq·D]}
     */
    public static float[] apply(
            float[] partialO,
            float[] partialLse,
            int[] positions,
            int rows,
            AttentionDims heads,
            int maxContext,
            int chunks,
            int chunkSize) {
        Args.positive("rows", rows);
        Args.positive("chunks", chunks);
        Args.positive("chunkSize", chunkSize);
        int d = heads.headDim();
        int hq = heads.queryHeads();
        Args.length(
                "partialO",
                partialO,
                (long) rows * hq * chunks * d,
                Args.dims("rows", rows, "queryHeads", hq, "chunks", chunks, "headDim", d));
        Args.length(
                "partialLse",
                partialLse,
                (long) rows * hq * chunks,
                Args.dims("rows", rows, "queryHeads", hq, "chunks", chunks));
        Args.length("positions", positions, rows, Args.dims("rows", rows));
        float[] out = new float[rows * hq * d];
        for (int rh = 0; rh < rows * hq; rh++) {
            int pos = positions[rh / hq];
            if (pos < 0 || pos >= maxContext) {
                java.util.Arrays.fill(out, rh * d, (rh + 1) * d, Float.NaN);
                continue;
            }
            int used = (int) Math.min(chunks, (pos + (long) chunkSize) / chunkSize);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < used; c++) {
                max = Math.max(max, partialLse[rh * chunks + c]);
            }
            double wsum = 0;
            double[] acc = new double[d];
            for (int c = 0; c < used; c++) {
                double w = Math.pow(2, partialLse[rh * chunks + c] - max);
                wsum += w;
                for (int i = 0; i < d; i++) {
                    acc[i] += w * partialO[(rh * chunks + c) * d + i];
                }
            }
            for (int i = 0; i < d; i++) {
                out[rh * d + i] = Bf16Round.round(acc[i] / wsum);
            }
        }
        return out;
    }
}
