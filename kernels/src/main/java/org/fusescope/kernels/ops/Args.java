package org.fusescope.kernels.ops;

import java.util.Arrays;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The argument checks of every {@code <Op>Kernel}: one message format naming the argument, what was
 * expected and what was given. Stateless; safe from any thread.
 */
final class Args {
    private Args() {}

    /**
     * Checks that {@code buffer} has type {@code dtype} and exactly {@code shape}.
     *
     * @throws IllegalArgumentException naming {@code arg}, the expected type and shape and the buffer
     */
    static void buffer(String arg, DeviceBuffer buffer, DType dtype, long... shape) {
        if (buffer == null) {
            throw new IllegalArgumentException(
                    arg + ": expected a " + dtype + " " + Arrays.toString(shape) + " buffer but was null");
        }
        if (buffer.dtype() != dtype || !Arrays.equals(buffer.shape(), shape)) {
            throw new IllegalArgumentException(
                    arg + ": expected " + dtype + " " + Arrays.toString(shape) + " but was " + buffer);
        }
    }

    /** {@link #buffer} for a buffer that may be bf16 or fp32; returns which one it is. */
    static DType bf16OrF32(String arg, DeviceBuffer buffer, long... shape) {
        DType dtype = buffer != null && buffer.dtype() == DType.F32 ? DType.F32 : DType.BF16;
        buffer(arg, buffer, dtype, shape);
        return dtype;
    }

    /**
     * The leading dimension of an expert weight table, which may hold {@code dims.tableExperts()}
     * experts or E + 1 (the shared expert stored as expert E but not routed to).
     */
    static long weightExperts(String arg, DeviceBuffer weights, ModelDims dims) {
        long n = weights == null || weights.shape().length == 0 ? -1 : weights.shape()[0];
        if (n < dims.tableExperts() || n > dims.experts() + 1L) {
            throw new IllegalArgumentException(arg + ": expected " + dims.tableExperts() + " to " + (dims.experts() + 1)
                    + " experts in the leading dimension but was " + weights);
        }
        return n;
    }

    /** @throws IllegalArgumentException unless {@code value >= 1} */
    static void positive(String arg, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(arg + ": expected >= 1 but was " + value);
        }
    }

    /** @throws IllegalArgumentException unless {@code value} is 1 (one per row) or {@code cols} */
    static void broadcastCols(String arg, int value, int cols) {
        if (value != 1 && value != cols) {
            throw new IllegalArgumentException(arg + ": expected 1 or " + cols + " but was " + value);
        }
    }

    /** {@code a * b} as an int kernel argument. */
    static int product(String what, long a, long b) {
        long p = a * b;
        if (p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": " + a + " * " + b + " exceeds the int range of the kernel");
        }
        return (int) p;
    }
}
