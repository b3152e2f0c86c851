package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code rmsnorm.cu}: zero-centred RMSNorm {@code y = x * rsqrt(mean(x²) + eps) * (1 + w)}. */
public final class RmsNormReference {
    private RmsNormReference() {}

    /**
     * {@code y[t,h] = bf16(x[t,h] / sqrt(sum_h x[t,h]² / hidden + eps) * (1 + w[h]))}, float64 inside.
     *
     * @param x {@code [rows, hidden]}
     * @param w {@code [hidden]} zero-centred weight: the scale is {@code 1 + w}
     * @return {@code [rows, hidden]}
     */
    public static float[] apply(float[] x, float[] w, int rows, int hidden, float eps) {
        Args.positive("rows", rows);
        Args.positive("hidden", hidden);
        Args.length("x", x, (long) rows * hidden, Args.dims("rows", rows, "hidden", hidden));
        Args.length("w", w, hidden, Args.dims("hidden", hidden));
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps: expected >= 0 but was " + eps);
        }
        float[] y = new float[x.length];
        for (int t = 0; t < rows; t++) {
            normRow(x, w, t * hidden, hidden, eps, y);
        }
        return y;
    }

    /** Normalizes {@code x[base, base+hidden)} into {@code y} at the same offset. */
    static void normRow(float[] x, float[] w, int base, int hidden, float eps, float[] y) {
        double ss = 0;
        for (int h = 0; h < hidden; h++) {
            double v = x[base + h];
            ss += v * v;
        }
        double inv = 1.0 / Math.sqrt(ss / hidden + eps);
        for (int h = 0; h < hidden; h++) {
            y[base + h] = Bf16Round.round(x[base + h] * inv * (1.0 + w[h]));
        }
    }
}
