package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code fused_add_rmsnorm.cu}: {@code r = r + x; y = rmsnorm(r)}. The norm reads the
 * bf16-rounded residual, so the result equals {@link ResidualAddReference} then {@link
 * RmsNormReference}.
 */
public final class FusedAddRmsNormReference {
    private FusedAddRmsNormReference() {}

    /** Both outputs of the kernel. */
    public static final class Result {
        private final float[] residual;
        private final float[] y;

        Result(float[] residual, float[] y) {
            this.residual = residual;
            this.y = y;
        }

        /** The new residual [rows, hidden] (the array itself, not a copy). */
        public float[] residual() {
            return residual;
        }

        /** The normed output [rows, hidden] (the array itself, not a copy). */
        public float[] y() {
            return y;
        }
    }

    /**
     * {@code residual = bf16(r + x)}, {@code y = bf16(residual * rsqrt(mean(residual²) + eps) * (1 + w))}.
     *
     * @param x {@code [rows, hidden]} the value to add
     * @param w {@code [hidden]} zero-centred norm weight
     * @param r {@code [rows, hidden]} the residual (not modified)
     * @return the new residual {@code [rows, hidden]} and the normed output {@code [rows, hidden]}
     */
    public static Result apply(float[] x, float[] w, float[] r, int rows, int hidden, float eps) {
        Args.positive("rows", rows);
        Args.positive("hidden", hidden);
        Args.length("r", r, (long) rows * hidden, Args.dims("rows", rows, "hidden", hidden));
        float[] residual = ResidualAddReference.apply(x, r, rows, hidden);
        return new Result(residual, RmsNormReference.apply(residual, w, rows, hidden, eps));
    }
}
