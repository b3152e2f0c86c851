package org.fusescope.kernels.cuda;

import java.util.Arrays;

/**
 * The sizes of {@code y[M,N] = x[M,K] · w[N,K]ᵀ}, checked against the buffers' shapes and types.
 *
 * @param m rows of x and y (tokens)
 * @param n rows of w, columns of y (output features)
 * @param k columns of x and w (input features)
 */
public record GemmShape(int m, int n, int k) {
    /** Validates the buffers of a linear layer; see {@link #linear(long[], DType, long[], DType, long[], DType)}. */
    public static GemmShape linear(DeviceBuffer x, DeviceBuffer w, DeviceBuffer y) {
        return linear(x.shape(), x.dtype(), w.shape(), w.dtype(), y.shape(), y.dtype());
    }

    /**
     * Validates {@code x [M,K] bf16}, {@code w [N,K] bf16}, {@code y [M,N] bf16|f32}.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    public static GemmShape linear(long[] x, DType xType, long[] w, DType wType, long[] y, DType yType) {
        if (x.length != 2 || w.length != 2 || y.length != 2) {
            throw new IllegalArgumentException("linear needs rank-2 x, w, y; got " + shapes(x, w, y));
        }
        if (xType != DType.BF16 || wType != DType.BF16 || yType == DType.I32) {
            throw new IllegalArgumentException(
                    "linear needs bf16 x and w and a bf16 or f32 y; got " + xType + ", " + wType + ", " + yType);
        }
        if (x[1] != w[1] || y[0] != x[0] || y[1] != w[0]) {
            throw new IllegalArgumentException("linear needs x [M,K], w [N,K], y [M,N]; got " + shapes(x, w, y));
        }
        return new GemmShape(Math.toIntExact(x[0]), Math.toIntExact(w[0]), Math.toIntExact(x[1]));
    }

    private static String shapes(long[] x, long[] w, long[] y) {
        return "x " + Arrays.toString(x) + ", w " + Arrays.toString(w) + ", y " + Arrays.toString(y);
    }
}
