package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * Reference of {@code kv_append.cu}: copies each request's k and v into its cache at its position.
 * Cache layout {@code [rows, Hkv, maxContext, D]}; a position outside {@code [0, maxContext)} writes
 * nothing.
 */
public final class KvAppendReference {
    private KvAppendReference() {}

    /** The caches after the append (new arrays). */
    public record Result(float[] kCache, float[] vCache) {}

    /**
     * @param kCache {@code [rows, Hkv, maxContext, D]} before the append (not modified)
     * @param vCache likewise
     * @param k {@code [rows, Hkv·D]}
     * @param v {@code [rows, Hkv·D]}
     * @param positions {@code [rows]}: where each request's token goes
     */
    public static Result apply(
            float[] kCache,
            float[] vCache,
            float[] k,
            float[] v,
            int[] positions,
            int rows,
            AttentionDims heads,
            int maxContext) {
        Args.positive("rows", rows);
        Args.positive("maxContext", maxContext);
        int d = heads.headDim();
        long cache = (long) rows * heads.kvHeads() * maxContext * d;
        String cacheDims = Args.dims("rows", rows, "kvHeads", heads.kvHeads(), "maxContext", maxContext, "headDim", d);
        Args.length("kCache", kCache, cache, cacheDims);
        Args.length("vCache", vCache, cache, cacheDims);
        String rowDims = Args.dims("rows", rows, "kvHeads*headDim", heads.kvWidth());
        Args.length("k", k, (long) rows * heads.kvWidth(), rowDims);
        Args.length("v", v, (long) rows * heads.kvWidth(), rowDims);
        Args.length("positions", positions, rows, Args.dims("rows", rows));
        float[] kOut = kCache.clone();
        float[] vOut = vCache.clone();
        for (int r = 0; r < rows; r++) {
            int pos = positions[r];
            if (pos < 0 || pos >= maxContext) {
                continue;
            }
            for (int h = 0; h < heads.kvHeads(); h++) {
                int from = (r * heads.kvHeads() + h) * d;
                int to = ((r * heads.kvHeads() + h) * maxContext + pos) * d;
                System.arraycopy(k, from, kOut, to, d);
                System.arraycopy(v, from, vOut, to, d);
            }
        }
        return new Result(kOut, vOut);
    }
}
