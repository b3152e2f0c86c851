package org.fusescope.kernels.cuda;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Shape and host-array checks of {@link DeviceBuffer}, kept apart so they run without a GPU.
 * Stateless; safe from any thread.
 */
public final class BufferShapes {
    private BufferShapes() {}

    /**
     * The number of elements of {@code shape}.
     *
     * @throws IllegalArgumentException for an empty shape, a negative dimension or an overflow
     */
    public static long elementCount(String name, long[] shape) {
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException(name + ": a shape needs at least one dimension");
        }
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        if (count > Long.MAX_VALUE / 8) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " is too large");
        }
        return count;
    }

    /**
     * Checks that a host array of {@code hostType} with {@code hostLength} elements matches a buffer.
     *
     * @throws IllegalArgumentException naming the buffer, its type and shape, and the host array
     */
    public static void checkHostArray(String name, DType dtype, long[] shape, DType hostType, long hostLength) {
        long expected = elementCount(name, shape);
        if (hostType != dtype) {
            throw new IllegalArgumentException(describe(name, dtype, shape) + " is copied with a "
                    + dtype.hostArray() + ", not a " + hostType.hostArray()
                    + (dtype == DType.BF16 && hostType == DType.F32 ? " (convert with Bf16.fromFloats)" : ""));
        }
        if (hostLength != expected) {
            throw new IllegalArgumentException(describe(name, dtype, shape) + " holds " + expected
                    + " elements but the host " + hostType.hostArray() + " has " + hostLength);
        }
    }

    static void checkDirect(String name, long bytes, ByteBuffer host) {
        if (!host.isDirect()) {
            throw new IllegalArgumentException(name + ": an asynchronous copy needs a direct ByteBuffer");
        }
        if (host.remaining() != bytes) {
            throw new IllegalArgumentException(name + ": " + bytes + " bytes on the device but " + host.remaining()
                    + " remaining in the ByteBuffer");
        }
    }

    /** E.g. {@code buffer 'x' BF16 [3, 256]}. */
    public static String describe(String name, DType dtype, long[] shape) {
        return "buffer '" + name + "' " + dtype + " " + Arrays.toString(shape);
    }
}
