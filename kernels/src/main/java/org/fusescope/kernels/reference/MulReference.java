package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code mul.cu}: {@code out = a * b} elementwise, b broadcast per row when {@code bCols == 1}. */
public final class MulReference {
    private MulReference() {}

    /**
     * {@code out[t,n] = bf16(a[t,n] * b[t, bCols == 1 ? 0 : n])}.
     *
     * @param a {@code [rows, cols]}
     * @param b {@code [rows, bCols]}, {@code bCols} is 1 or {@code cols}
     * @return {@code [rows, cols]}
     */
    public static float[] apply(float[] a, float[] b, int rows, int cols, int bCols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.broadcastCols("bCols", bCols, cols);
        Args.length("a", a, (long) rows * cols, Args.dims("rows", rows, "cols", cols));
        Args.length("b", b, (long) rows * bCols, Args.dims("rows", rows, "bCols", bCols));
        float[] out = new float[a.length];
        for (int t = 0; t < rows; t++) {
            for (int n = 0; n < cols; n++) {
                double y = b[t * bCols + (bCols == 1 ? 0 : n)];
                out[t * cols + n] = Bf16Round.round(a[t * cols + n] * y);
            }
        }
        return out;
    }
}
