package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code router_gemv.cu} (and of the cuBLAS router GEMM it replaces): {@code out[t, n] =
 * sum_k x[t, k] * w[n, k]} in double, rounded once to fp32.
 */
public final class RouterGemvReference {
    private RouterGemvReference() {}

    /**
     * @param x {@code [tokens, hidden]} (bf16 values)
     * @param w {@code [rows, hidden]} (bf16 values)
     * @return {@code [tokens, rows]} fp32
     */
    public static float[] apply(float[] x, float[] w, int tokens, int rows, int hidden) {
        Args.positive("tokens", tokens);
        Args.positive("rows", rows);
        Args.positive("hidden", hidden);
        Args.length("x", x, (long) tokens * hidden, Args.dims("tokens", tokens, "hidden", hidden));
        Args.length("w", w, (long) rows * hidden, Args.dims("rows", rows, "hidden", hidden));
        float[] out = new float[tokens * rows];
        for (int t = 0; t < tokens; t++) {
            for (int n = 0; n < rows; n++) {
                double acc = 0;
                for (int k = 0; k < hidden; k++) {
                    acc += (double) x[t * hidden + k] * w[n * hidden + k];
                }
                out[t * rows + n] = (float) acc;
            }
        }
        return out;
    }
}
