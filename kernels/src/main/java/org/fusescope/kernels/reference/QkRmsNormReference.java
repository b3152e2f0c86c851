package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * Reference of {@code qk_rmsnorm.cu}: zero-centred RMSNorm over each head's D dims, {@code y = x *
 * rsqrt(mean(x²) + eps) * (1 + w)}, one weight for the query heads and one for the kv heads.
 */
public final class QkRmsNormReference {
    private QkRmsNormReference() {}

    /** The normed q {@code [rows, Hq·D]} and k {@code [rows, Hkv·D]}. */
    public record Result(float[] q, float[] k) {}

    /**
     * Each head as a row of {@link RmsNormReference} (float64 inside, one bf16 rounding).
     *
     * @param qGate {@code [rows, Hq, 2·D]}: per head {@code [query | gate]} ({@link QueryGateLayout})
     * @param k {@code [rows, Hkv·D]}
     * @param qWeight {@code [D]}, zero-centred
     * @param kWeight {@code [D]}, zero-centred
     */
    public static Result apply(
            float[] qGate, float[] k, float[] qWeight, float[] kWeight, int rows, AttentionDims heads, float eps) {
        Args.positive("rows", rows);
        int d = heads.headDim();
        Args.length("k", k, (long) rows * heads.kvWidth(), Args.dims("rows", rows, "kvHeads*headDim", heads.kvWidth()));
        Args.length("qWeight", qWeight, d, Args.dims("headDim", d));
        Args.length("kWeight", kWeight, d, Args.dims("headDim", d));
        float[] queries = QueryGateLayout.queries(qGate, rows, heads);
        return new Result(
                RmsNormReference.apply(queries, qWeight, rows * heads.queryHeads(), d, eps),
                RmsNormReference.apply(k, kWeight, rows * heads.kvHeads(), d, eps));
    }
}
