package org.fusescope.runner.tp;

import org.fusescope.kernels.cuda.Bf16;

/** Cuts the part of a row-major matrix one rank holds, as fp32. Stateless. */
final class WeightSlices {
    /** One element of a flat array, as fp32. */
    @FunctionalInterface
    interface Elements {
        float at(int index);

        static Elements bf16(short[] bits) {
            return i -> Bf16.toFloat(bits[i]);
        }

        static Elements fp32(float[] values) {
            return i -> values[i];
        }
    }

    private WeightSlices() {}

    /**
     * Rows {@code [from, to)} of each of {@code blocks} stacked {@code [blockRows, cols]} matrices:
     * {@code [blocks, to - from, cols]}.
     */
    static float[] rows(Elements src, int blocks, int blockRows, int cols, int from, int to) {
        int n = to - from;
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(blocks, n), cols)];
        for (int b = 0; b < blocks; b++) {
            for (int r = 0; r < n; r++) {
                int in = (b * blockRows + from + r) * cols;
                int at = (b * n + r) * cols;
                for (int c = 0; c < cols; c++) {
                    out[at + c] = src.at(in + c);
                }
            }
        }
        return out;
    }

    /** Columns {@code [from, to)} of a {@code [rows, cols]} matrix: {@code [rows, to - from]}. */
    static float[] columns(Elements src, int rows, int cols, int from, int to) {
        int n = to - from;
        float[] out = new float[Math.multiplyExact(rows, n)];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                out[r * n + c] = src.at(r * cols + from + c);
            }
        }
        return out;
    }

    /** The whole array as fp32 (a replicated weight). */
    static float[] all(short[] bits) {
        return Bf16.toFloats(bits);
    }

    /** {@code Σ x[xFrom + i] · w[wFrom + i]} for {@code i < n}, in double. */
    static double dot(float[] x, int xFrom, float[] w, int wFrom, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) x[xFrom + i] * w[wFrom + i];
        }
        return s;
    }
}
