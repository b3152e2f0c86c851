package org.fusescope.kernels.ops;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;

/** A random bf16 tensor held both on the device and (as floats) on the host. */
record TestTensors(DeviceBuffer device, float[] host) implements AutoCloseable {
    /** Uniform ±{@code scale}, rounded to bf16, uploaded. */
    static TestTensors bf16(String name, SplittableRandom random, double scale, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        short[] bits = RandomFill.bf16(random, n, scale);
        return new TestTensors(DeviceArrays.bf16(name, bits, shape), Bf16.toFloats(bits));
    }

    /** A poisoned (0xFF: NaN) output buffer. */
    static DeviceBuffer poisoned(String name, DType dtype, long... shape) {
        DeviceBuffer b = DeviceBuffer.allocate(name, dtype, shape);
        b.fill((byte) 0xFF);
        return b;
    }

    @Override
    public void close() {
        device.close();
    }
}
