package org.fusescope.kernels.shape;

import java.util.Arrays;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;

/**
 * The one argument-check helper of FuseScope: the kernel wrappers ({@code ops}), the references
 * ({@code reference}), the size records of this package and the runner's model configuration and
 * weights all check their arguments here. One message format, naming the argument, what was expected
 * and what was given ({@code "tokens: expected >= 1 but was 0"}); every check throws {@link
 * IllegalArgumentException}, also for a null array or buffer. Stateless; safe from any thread.
 */
public final class Args {
    private Args() {}

    /**
     * @param message the whole message, for checks with no name/expected/actual shape of their own
     * @throws IllegalArgumentException with {@code message} unless {@code condition}
     */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @throws IllegalArgumentException unless {@code value >= 1} */
    public static void positive(String arg, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(arg + ": expected >= 1 but was " + value);
        }
    }

    /** @throws IllegalArgumentException unless {@code value} is 1 (one per row) or {@code cols} */
    public static void broadcastCols(String arg, int value, int cols) {
        if (value != 1 && value != cols) {
            throw new IllegalArgumentException(arg + ": expected 1 or " + cols + " but was " + value);
        }
    }

    /**
     * Checks that {@code array} has {@code expected} elements.
     *
     * @param shape the shape the length comes from, for the message (e.g. {@link #dims})
     * @throws IllegalArgumentException naming {@code arg}, the expected length and shape and the actual
     *     length
     */
    public static void length(String arg, float[] array, long expected, String shape) {
        length(arg, array == null ? -1 : array.length, expected, shape);
    }

    /** {@link #length(String, float[], long, String)} for an int array. */
    public static void length(String arg, int[] array, long expected, String shape) {
        length(arg, array == null ? -1 : array.length, expected, shape);
    }

    /** {@link #length(String, float[], long, String)} for a bf16 array (raw bits). */
    public static void length(String arg, short[] array, long expected, String shape) {
        length(arg, array == null ? -1 : array.length, expected, shape);
    }

    /**
     * A shape for the messages of {@link #length}: {@code dims("rows", 2, "cols", 4)} is {@code "[rows=2,
     * cols=4]"}.
     */
    public static String dims(Object... namesAndValues) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(namesAndValues[i]).append('=').append(namesAndValues[i + 1]);
        }
        return b.append(']').toString();
    }

    /** @throws IllegalArgumentException unless {@code expert}'s table entry {@code slot} is in [0, numSlots) */
    public static void slot(int slot, int numSlots, int expert) {
        if (slot < 0 || slot >= numSlots) {
            throw new IllegalArgumentException(
                    "tables: expert " + expert + " lists slot " + slot + ", expected one in [0, " + numSlots + ")");
        }
    }

    /**
     * Checks that {@code buffer} has type {@code dtype} and exactly {@code shape}.
     *
     * @throws IllegalArgumentException naming {@code arg}, the expected type and shape and the buffer
     */
    public static void buffer(String arg, DeviceBuffer buffer, DType dtype, long... shape) {
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
    public static DType bf16OrF32(String arg, DeviceBuffer buffer, long... shape) {
        DType dtype = buffer != null && buffer.dtype() == DType.F32 ? DType.F32 : DType.BF16;
        buffer(arg, buffer, dtype, shape);
        return dtype;
    }

    /**
     * The leading dimension of an expert weight table, which may hold {@code dims.tableExperts()}
     * experts or E + 1 (the shared expert stored as expert E but not routed to).
     */
    public static long weightExperts(String arg, DeviceBuffer weights, ModelDims dims) {
        long n = weights == null || weights.shape().length == 0 ? -1 : weights.shape()[0];
        if (n < dims.tableExperts() || n > dims.experts() + 1L) {
            throw new IllegalArgumentException(arg + ": expected " + dims.tableExperts() + " to " + (dims.experts() + 1)
                    + " experts in the leading dimension but was " + weights);
        }
        return n;
    }

    /** {@code a * b} as an int kernel argument. */
    public static int product(String what, long a, long b) {
        long p = a * b;
        if (p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": " + a + " * " + b + " exceeds the int range of the kernel");
        }
        return (int) p;
    }

    private static void length(String arg, int actual, long expected, String shape) {
        if (actual != expected) {
            throw new IllegalArgumentException(arg + ": expected length " + expected
                    + (shape.isEmpty() ? "" : " " + shape) + " but was " + (actual < 0 ? "null" : actual));
        }
    }
}
