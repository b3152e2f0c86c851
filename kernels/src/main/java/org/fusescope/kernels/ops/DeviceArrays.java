package org.fusescope.kernels.ops;

import java.util.function.Consumer;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;

/** Allocate-and-upload in one call, closing the buffer when the upload fails. */
public final class DeviceArrays {
    private DeviceArrays() {}

    /** A bf16 buffer of {@code shape} holding {@code bits}. */
    public static DeviceBuffer bf16(String name, short[] bits, long... shape) {
        return filled(name, DType.BF16, shape, b -> b.upload(bits));
    }

    /** An fp32 buffer of {@code shape} holding {@code values}. */
    public static DeviceBuffer f32(String name, float[] values, long... shape) {
        return filled(name, DType.F32, shape, b -> b.upload(values));
    }

    /** An int32 buffer of {@code shape} holding {@code values}. */
    public static DeviceBuffer i32(String name, int[] values, long... shape) {
        return filled(name, DType.I32, shape, b -> b.upload(values));
    }

    /** An uninitialized (output) buffer. */
    public static DeviceBuffer out(String name, DType dtype, long... shape) {
        return DeviceBuffer.allocate(name, dtype, shape);
    }

    private static DeviceBuffer filled(String name, DType dtype, long[] shape, Consumer<DeviceBuffer> upload) {
        DeviceBuffer b = DeviceBuffer.allocate(name, dtype, shape);
        try {
            upload.accept(b);
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }
}
