package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code sigmoid.cu}: {@code out = sigmoid(x)} elementwise. */
public final class SigmoidReference {
    private SigmoidReference() {}

    /**
     * {@code bf16(1 / (1 + exp(-x)))} per element.
     *
     * @param x {@code [rows, cols]}
     * @return {@code [rows, cols]}
     */
    public static float[] apply(float[] x, int rows, int cols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.length("x", x, (long) rows * cols, Args.dims("rows", rows, "cols", cols));
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Bf16Round.round(Activations.sigmoid(x[i]));
        }
        return out;
    }
}
