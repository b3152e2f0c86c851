package org.fusescope.kernels.ops;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;

/**
 * Random expert weights of one preset for E + 1 experts (expert E = the shared expert), uniform
 * ±0.05: W13 {@code [E+1, 2I, H]} (2.1 GB at E = 512) and W2 {@code [E+1, H, I]}, on the device and
 * as bf16 bits on the host.
 */
final class ExpertWeights implements AutoCloseable {
    final ModelDims dims;
    final short[] w13;
    final short[] w2;
    final DeviceBuffer dW13;
    final DeviceBuffer dW2;

    ExpertWeights(ModelDims dims, long seed) {
        this.dims = dims;
        long e = dims.experts() + 1L;
        long h = dims.hidden();
        long i = dims.inter();
        SplittableRandom random = new SplittableRandom(seed);
        w13 = RandomFill.bf16(random, e * 2 * i * h, 0.05);
        w2 = RandomFill.bf16(random, e * h * i, 0.05);
        dW13 = DeviceArrays.bf16("w13", w13, e, 2 * i, h);
        dW2 = DeviceArrays.bf16("w2", w2, e, h, i);
    }

    /** Expert {@code e}'s W13 as floats {@code [2I, H]}. */
    float[] w13(int e) {
        return slice(w13, e, 2L * dims.inter() * dims.hidden());
    }

    /** Expert {@code e}'s W2 as floats {@code [H, I]}. */
    float[] w2(int e) {
        return slice(w2, e, (long) dims.hidden() * dims.inter());
    }

    private static float[] slice(short[] bits, int e, long size) {
        float[] out = new float[Math.toIntExact(size)];
        int base = Math.toIntExact(e * size);
        for (int j = 0; j < out.length; j++) {
            out[j] = Bf16.toFloat(bits[base + j]);
        }
        return out;
    }

    @Override
    public void close() {
        dW13.close();
        dW2.close();
    }
}
