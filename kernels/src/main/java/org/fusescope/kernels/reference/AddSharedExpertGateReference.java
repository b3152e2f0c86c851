package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code add_shared_expert_gate.cu}: {@code out += shared * sigmoid(g)}, one rounding. */
public final class AddSharedExpertGateReference {
    private AddSharedExpertGateReference() {}

    /**
     * {@code result[t,h] = bf16(out[t,h] + shared[t,h] * sigmoid(g[t, gCols == 1 ? 0 : h]))}.
     *
     * @param shared {@code [rows, cols]} the shared expert's output
     * @param g {@code [rows, gCols]} the gate logits, {@code gCols} is 1 or {@code cols}
     * @param out {@code [rows, cols]} the routed experts' sum (not modified; the kernel adds in place)
     * @return {@code [rows, cols]} the new out
     */
    public static float[] apply(float[] shared, float[] g, float[] out, int rows, int cols, int gCols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.broadcastCols("gCols", gCols, cols);
        String shape = Args.dims("rows", rows, "cols", cols);
        Args.length("shared", shared, (long) rows * cols, shape);
        Args.length("g", g, (long) rows * gCols, Args.dims("rows", rows, "gCols", gCols));
        Args.length("out", out, (long) rows * cols, shape);
        float[] result = new float[out.length];
        for (int t = 0; t < rows; t++) {
            for (int h = 0; h < cols; h++) {
                double s = Activations.sigmoid(g[t * gCols + (gCols == 1 ? 0 : h)]);
                int i = t * cols + h;
                result[i] = Bf16Round.round(out[i] + shared[i] * s);
            }
        }
        return result;
    }
}
