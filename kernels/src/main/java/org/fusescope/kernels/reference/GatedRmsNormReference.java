package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code gated_rmsnorm.cu}: the gated-delta-net output norm per value head, {@code y =
 * rms(o) · w · silu(z)} with a plain weight (not {@code 1 + w}).
 */
public final class GatedRmsNormReference {
    private GatedRmsNormReference() {}

    /**
     * {@code y[r,j] = bf16(o[r,j] / √(Σ_j o[r,j]² / dim + eps) · w[j] · silu(z[r,j]))} for each row r of
     * {@code dim} elements (one value head of one token), float64 inside, one rounding.
     *
     * @param o {@code [rows, dim]}, rows = tokens·Hv, dim = Dv
     * @param z {@code [rows, dim]} the gate
     * @param w {@code [dim]} plain weight
     */
    public static float[] apply(float[] o, float[] z, float[] w, int rows, int dim, float eps) {
        Args.positive("rows", rows);
        Args.positive("dim", dim);
        String shape = Args.dims("rows", rows, "dim", dim);
        Args.length("o", o, (long) rows * dim, shape);
        Args.length("z", z, (long) rows * dim, shape);
        Args.length("w", w, dim, Args.dims("dim", dim));
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps: expected >= 0 but was " + eps);
        }
        float[] y = new float[o.length];
        for (int r = 0; r < rows; r++) {
            int base = r * dim;
            double ss = 0;
            for (int j = 0; j < dim; j++) {
                ss += (double) o[base + j] * o[base + j];
            }
            double inv = 1.0 / Math.sqrt(ss / dim + eps);
            for (int j = 0; j < dim; j++) {
                y[base + j] = Bf16Round.round(o[base + j] * inv * w[j] * Activations.silu(z[base + j]));
            }
        }
        return y;
    }
}
