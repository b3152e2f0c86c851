package org.fusescope.kernels.cuda;

/** Element types of device buffers, with the host array type each one is copied from. */
public enum DType {
    /** bfloat16, carried on the host as its 16 bits in a {@code short[]} (see {@link Bf16}). */
    BF16(2, "short[]"),
    /** IEEE float32, host {@code float[]}. */
    F32(4, "float[]"),
    /** int32, host {@code int[]}. */
    I32(4, "int[]");

    private final int bytes;
    private final String hostArray;

    DType(int bytes, String hostArray) {
        this.bytes = bytes;
        this.hostArray = hostArray;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** The Java array type that holds this type on the host, e.g. {@code short[]}. */
    public String hostArray() {
        return hostArray;
    }
}
