package org.fusescope.kernels.reference;

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
        Shapes.positive("rows", rows);
        Shapes.positive("cols", cols);
        String shape = Shapes.dims("rows", rows, "cols", cols);
        Shapes.length("x", x, (long) rows * cols, shape);
        Shapes.length("r", r, (long) rows * cols, shape);
        float[] out = new float[r.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Bf16Round.round((double) r[i] + x[i]);
        }
        return out;
    }
}
