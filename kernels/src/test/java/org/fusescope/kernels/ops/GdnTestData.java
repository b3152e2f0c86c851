package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.GdnPacked;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.params.provider.Arguments;

/** Inputs, downloads and checks of the gated-delta-net kernel tests. */
final class GdnTestData {
    static final LinearAttentionDims[] LAYERS = {LinearAttentionDims.TINY, LinearAttentionDims.QWEN3_NEXT};
    static final int[] TOKENS = {1, 3, 64};

    private GdnTestData() {}

    /** (dims, tokens) for both layer presets × {@link #TOKENS}. */
    static List<Arguments> layersAndTokens() {
        List<Arguments> out = new ArrayList<>();
        for (LinearAttentionDims d : LAYERS) {
            for (int m : TOKENS) {
                out.add(Arguments.of(d, m));
            }
        }
        return out;
    }

    /** Uniform ±{@code scale} fp32, uploaded. */
    static TestTensors f32(String name, SplittableRandom random, double scale, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] host = RandomFill.floats(random, n, scale);
        return new TestTensors(DeviceArrays.f32(name, host, shape), host);
    }

    /** A bf16 copy on the device of bf16 values held as floats. */
    static DeviceBuffer bf16Copy(String name, float[] values, long... shape) {
        return DeviceArrays.bf16(name, Bf16.fromFloats(values), shape);
    }

    /** The six packed buffers, poisoned (0xFF: NaN). */
    static GdnPackedBuffers poisonedPacked(String prefix, LinearAttentionDims d, int tokens) {
        GdnPackedBuffers p = GdnPackedBuffers.allocate(prefix, d, tokens);
        for (DeviceBuffer b : List.of(p.q(), p.k(), p.v(), p.z(), p.b(), p.a())) {
            b.fill((byte) 0xFF);
        }
        return p;
    }

    /** Packed inputs on the device and their values on the host. */
    record PackedTensors(GdnPackedBuffers device, GdnPacked host) implements AutoCloseable {
        @Override
        public void close() {
            device.close();
        }
    }

    /** Random packed inputs of one decode step (q, k, v ±1, z, a ±2, b ±3), uploaded. */
    static PackedTensors randomPacked(String prefix, LinearAttentionDims d, int m, SplittableRandom random) {
        GdnPackedBuffers p = GdnPackedBuffers.allocate(prefix, d, m);
        float[][] values = new float[6][];
        double[] scales = {1, 1, 1, 2, 3, 2};
        DeviceBuffer[] buffers = {p.q(), p.k(), p.v(), p.z(), p.b(), p.a()};
        for (int i = 0; i < 6; i++) {
            short[] bits = RandomFill.bf16(random, buffers[i].elementCount(), scales[i]);
            buffers[i].upload(bits);
            values[i] = Bf16.toFloats(bits);
        }
        return new PackedTensors(p, new GdnPacked(values[0], values[1], values[2], values[3], values[4], values[5]));
    }

    static GdnPacked download(GdnPackedBuffers p) {
        return new GdnPacked(
                Compare.bf16(p.q()),
                Compare.bf16(p.k()),
                Compare.bf16(p.v()),
                Compare.bf16(p.z()),
                Compare.bf16(p.b()),
                Compare.bf16(p.a()));
    }

    /** Every element equal (NaN, an unwritten poisoned element, never equals). */
    static void assertExact(String what, float[] out, float[] ref) {
        assertThat(out.length).as("%s length", what).isEqualTo(ref.length);
        for (int i = 0; i < ref.length; i++) {
            if (!(out[i] == ref[i])) {
                throw new AssertionError(what + ": first difference at " + i + " of " + ref.length + ": got " + out[i]
                        + ", expected " + ref[i]);
            }
        }
    }

    /** The same bf16 bits in both buffers, and no poison left. */
    static void assertSameBits(String what, DeviceBuffer a, DeviceBuffer b) {
        assertExact(what, Compare.bf16(a), Compare.bf16(b));
    }

    static DeviceBuffer poisoned(String name, DType dtype, long... shape) {
        return TestTensors.poisoned(name, dtype, shape);
    }
}
