package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code silu_and_mul.cu}: {@code a[s, 0:I] = silu(h1[s, 0:I]) * h1[s, I:2I]}. */
public final class SiluAndMulReference {
    private SiluAndMulReference() {}

    /**
     * {@code a[s,i] = bf16(silu(h1[s,i]) * h1[s,I+i])} with {@code silu(x) = x / (1 + exp(-x))}.
     *
     * @param h1 {@code [rows, 2*inter]}: gate half, then up half of every row
     * @return {@code [rows, inter]}
     */
    public static float[] apply(float[] h1, int rows, int inter) {
        Args.positive("rows", rows);
        Args.positive("inter", inter);
        Args.length("h1", h1, 2L * rows * inter, Args.dims("rows", rows, "2*inter", 2 * inter));
        float[] a = new float[rows * inter];
        for (int s = 0; s < rows; s++) {
            for (int i = 0; i < inter; i++) {
                double gate = h1[s * 2 * inter + i];
                double up = h1[s * 2 * inter + inter + i];
                a[s * inter + i] = Bf16Round.round(Activations.silu(gate) * up);
            }
        }
        return a;
    }
}
