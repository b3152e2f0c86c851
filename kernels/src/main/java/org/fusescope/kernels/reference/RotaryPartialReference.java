package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code rotary_partial.cu}: rotary embedding on the first {@code rotaryDim} dims of
 * each head, HuggingFace's rotate_half convention (dim i pairs with {@code i + rotaryDim/2}); the
 * other dims are copied. The frequencies and angles are fp32 as in transformers ({@code inv_freq =
 * 1 / theta^(2i/R)}, {@code angle = float(position) * inv_freq}); cos, sin and the rotation are
 * float64 here, rounded once to bf16.
 */
public final class RotaryPartialReference {
    private RotaryPartialReference() {}

    /**
     * {@code inv_freq[i] = 1 / theta^((2i)/R)} for {@code i < R/2}, each step in fp32 (theta itself
     * as a float, as the kernel gets it).
     */
    public static float[] inverseFrequencies(int rotaryDim, double theta) {
        if (rotaryDim < 2 || rotaryDim % 2 != 0) {
            throw new IllegalArgumentException("rotaryDim: expected an even number >= 2 but was " + rotaryDim);
        }
        float base = (float) theta;
        float[] inv = new float[rotaryDim / 2];
        for (int i = 0; i < inv.length; i++) {
            float exponent = (float) (2 * i) / (float) rotaryDim;
            inv[i] = 1f / (float) Math.pow(base, exponent);
        }
        return inv;
    }

    /**
     * Rotates every head of every row at the row's position: for {@code i < R/2}, {@code x1 = x[i]},
     * {@code x2 = x[i + R/2]}: {@code out[i] = bf16(x1·cos − x2·sin)}, {@code out[i + R/2] = bf16(x2·cos
     * + x1·sin)}; dims from R on are copied.
     *
     * @param x {@code [rows, heads·headDim]}
     * @param positions {@code [rows]}
     * @return {@code [rows, heads·headDim]}
     */
    public static float[] apply(
            float[] x, int[] positions, int rows, int heads, int headDim, int rotaryDim, double theta) {
        Args.positive("rows", rows);
        Args.positive("heads", heads);
        Args.positive("headDim", headDim);
        if (rotaryDim > headDim) {
            throw new IllegalArgumentException("rotaryDim: expected <= headDim (" + headDim + ") but was " + rotaryDim);
        }
        Args.length("x", x, (long) rows * heads * headDim, Args.dims("rows", rows, "heads*headDim", heads * headDim));
        Args.length("positions", positions, rows, Args.dims("rows", rows));
        float[] inv = inverseFrequencies(rotaryDim, theta);
        int half = rotaryDim / 2;
        float[] out = x.clone();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) positions[r] * inv[i];
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                for (int h = 0; h < heads; h++) {
                    int base = (r * heads + h) * headDim;
                    double x1 = x[base + i];
                    double x2 = x[base + i + half];
                    out[base + i] = Bf16Round.round(x1 * c - x2 * s);
                    out[base + i + half] = Bf16Round.round(x2 * c + x1 * s);
                }
            }
        }
        return out;
    }
}
