package org.fusescope.kernels.ops;

import java.util.Objects;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;

/**
 * A block of columns of a row-major {@code [rows, stride]} bf16 buffer, starting at column {@code
 * offset}: how the attention kernels read q, k and v both from their own projection outputs (offset
 * 0, stride = their width) and from the one {@code qkvo_gemm} output row {@code [Hq·2D | Hkv·D |
 * Hkv·D]} (offsets 0, Hq·2D and Hq·2D + Hkv·D). The kernels load 16-byte vectors, so stride and
 * offset must be multiples of 8 elements. Immutable.
 *
 * @param buffer a 2-D bf16 buffer {@code [rows, stride]}
 * @param offset first column, in elements
 */
public record ColumnSlice(DeviceBuffer buffer, int offset) {
    public ColumnSlice {
        Objects.requireNonNull(buffer, "buffer");
        if (offset < 0) {
            throw new IllegalArgumentException("offset: expected >= 0 but was " + offset);
        }
    }

    /** All columns from the first: a buffer that holds exactly the tensor. */
    public static ColumnSlice of(DeviceBuffer buffer) {
        return new ColumnSlice(buffer, 0);
    }

    /** The row stride in elements (the buffer's second dimension); valid after {@link #check}. */
    public int stride() {
        return (int) buffer.shape()[1];
    }

    /**
     * Checks that this slice has {@code rows} rows and at least {@code width} columns from {@link
     * #offset()}, with 16-byte aligned rows.
     *
     * @throws IllegalArgumentException naming {@code arg}, what was expected and the buffer
     */
    void check(String arg, int rows, int width) {
        check(arg, buffer.dtype(), buffer.shape(), buffer.toString(), offset, rows, width);
    }

    /**
     * {@link #check(String, int, int)} on a buffer's type and shape (testable without a GPU).
     *
     * @param buffer how the message names the buffer ({@link DeviceBuffer#toString()})
     */
    static void check(String arg, DType dtype, long[] shape, String buffer, int offset, int rows, int width) {
        String expected = "a bf16 [" + rows + ", stride] buffer with columns [" + offset + ", " + (offset + width)
                + ") inside the stride, stride and offset multiples of 8";
        boolean ok = dtype == DType.BF16
                && shape.length == 2
                && shape[0] == rows
                && shape[1] <= Integer.MAX_VALUE
                && shape[1] % 8 == 0
                && offset % 8 == 0
                && (long) offset + width <= shape[1];
        if (!ok) {
            throw new IllegalArgumentException(
                    arg + ": expected " + expected + " but was " + buffer + " at offset " + offset);
        }
    }
}
