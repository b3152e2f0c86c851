package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code residual_add.cu}: {@code r = r + x}. */
public final class ResidualAddReference {
    private ResidualAddReference() {}

    /**
     * The new residual {@code bf16(r[i] + x[i])}.
     *
     * @param x {@code [rows, cols]} the value to add
     * @param r {@code [rows, cols]} the residual (not modified; the kernel updates it in place)
     * @return {@code [rows, cols]} the updated residual
     */
    public static float[] apply(float[] x, float[] r, int rows, int cols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        String shape = Args.dims("rows", rows, "cols", cols);
        Args.length("x", x, (long) rows * cols, shape);
        Args.length("r", r, (long) rows * cols, shape);
        float[] out = new float[r.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Bf16Round.round((double) r[i] + x[i]);
        }
        return out;
    }
}
