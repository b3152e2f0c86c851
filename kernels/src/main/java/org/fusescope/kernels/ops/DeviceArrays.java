package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;

/** Allocate-and-upload in one call, closing the buffer when the upload fails. */
public final class DeviceArrays {
    private DeviceArrays() {}

    /** A bf16 buffer of {@code shape} holding {@code bits}. */
    public static DeviceBuffer bf16(String name, short[] bits, long... shape) {
        DeviceBuffer b = DeviceBuffer.allocate(name, DType.BF16, shape);
        try {
            b.upload(bits);
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /** An fp32 buffer of {@code shape} holding {@code values}. */
    public static DeviceBuffer f32(String name, float[] values, long... shape) {
        DeviceBuffer b = DeviceBuffer.allocate(name, DType.F32, shape);
        try {
            b.upload(values);
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /** An int32 buffer of {@code shape} holding {@code values}. */
    public static DeviceBuffer i32(String name, int[] values, long... shape) {
        DeviceBuffer b = DeviceBuffer.allocate(name, DType.I32, shape);
        try {
            b.upload(values);
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /** An uninitialized (output) buffer. */
    public static DeviceBuffer out(String name, DType dtype, long... shape) {
        return DeviceBuffer.allocate(name, dtype, shape);
    }
}
