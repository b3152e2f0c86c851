package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code sigmoid_mul.cu}: {@code x *= sigmoid(g)}, one bf16 rounding. */
public final class SigmoidMulReference {
    private SigmoidMulReference() {}

    /**
     * {@code out[t,n] = bf16(x[t,n] * sigmoid(g[t, gCols == 1 ? 0 : n]))}; unlike {@link
     * SigmoidReference} then {@link MulReference}, the sigmoid is not rounded to bf16 first.
     *
     * @param g {@code [rows, gCols]}, {@code gCols} is 1 or {@code cols}
     * @param x {@code [rows, cols]} (not modified; the kernel updates it in place)
     * @return {@code [rows, cols]} the new x
     */
    public static float[] apply(float[] g, float[] x, int rows, int cols, int gCols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.broadcastCols("gCols", gCols, cols);
        Args.length("g", g, (long) rows * gCols, Args.dims("rows", rows, "gCols", gCols));
        Args.length("x", x, (long) rows * cols, Args.dims("rows", rows, "cols", cols));
        float[] out = new float[x.length];
        for (int t = 0; t < rows; t++) {
            for (int n = 0; n < cols; n++) {
                double s = Activations.sigmoid(g[t * gCols + (gCols == 1 ? 0 : n)]);
                out[t * cols + n] = Bf16Round.round(x[t * cols + n] * s);
            }
        }
        return out;
    }
}
