package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.DeviceArrays.bf16;
import static org.fusescope.kernels.ops.DeviceArrays.f32;
import static org.fusescope.kernels.ops.DeviceArrays.out;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * One {@link BenchCase} per gated-delta-net kernel at one size, as {@link KernelBenchCases} does for
 * the MoE block: {@code causal_conv1d_update}, {@code gdn_split}, {@code conv_pack_gdn}, {@code
 * gated_delta_rule}, {@code gated_rmsnorm}. Buffer sets rotate to keep the inputs out of L2. bf16
 * inputs are random; the fp32 recurrent state starts at zero (a memset: at 4096 requests it is 8 GiB,
 * more than a Java array holds; the kernel has no value-dependent path, and the state is non-zero
 * after the first launch). No conv bias (Qwen3-Next has none). Needs the library's context current;
 * not thread-safe.
 */
public final class LinearAttentionBenchCases {
    private static final float EPS = 1e-6f;
    private static final long SEED = 0x6D_4E7L;

    private LinearAttentionBenchCases() {}

    /** The cases at {@code tokens} tokens for layer {@code d}; close each when done. */
    public static List<BenchCase> all(KernelLibrary lib, LinearAttentionDims d, int tokens, long minBytes) {
        Builder b = new Builder(d, tokens, minBytes);
        List<BenchCase> cases = new ArrayList<>();
        try {
            b.conv(cases, lib);
            b.recurrence(cases, lib);
            lib.context().synchronize();
            return cases;
        } catch (RuntimeException e) {
            cases.forEach(BenchCase::close);
            throw e;
        }
    }

    private static final class Builder {
        private final LinearAttentionDims d;
        private final int m;
        private final long minBytes;
        private final SplittableRandom random = new SplittableRandom(SEED);
        private final long p;
        private final long c;
        private final long w;
        private final long vd;

        Builder(LinearAttentionDims d, int tokens, long minBytes) {
            this.d = d;
            this.m = tokens;
            this.minBytes = minBytes;
            this.p = d.projectionDim();
            this.c = d.convDim();
            this.w = d.convKernel();
            this.vd = (long) d.valueHeads() * d.valueDim();
        }

        BenchCase make(String op, Work work, IntFunction<DeviceBuffer[]> factory, BufferSetCase.SetLauncher launcher) {
            return new BufferSetCase(
                    op, m, work, KernelBenchCases.copies(minBytes, work.bytes()), List.of(), factory, launcher);
        }

        DeviceBuffer rnd(String name, long... shape) {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return bf16(name, RandomFill.bf16(random, n, 1.0), shape);
        }

        /** Buffers {@code [from, from + 6)} of a set as q, k, v, z, b, a. */
        static GdnPackedBuffers packed(DeviceBuffer[] set, int from) {
            return new GdnPackedBuffers(
                    set[from], set[from + 1], set[from + 2], set[from + 3], set[from + 4], set[from + 5]);
        }

        /** The six packed buffers, random (an input) or uninitialized (an output). */
        DeviceBuffer[] packedSet(boolean random) {
            long qk = (long) d.keyHeads() * d.keyDim();
            long[] widths = {qk, qk, vd, vd, d.valueHeads(), d.valueHeads()};
            String[] names = {"q", "k", "v", "z", "b", "a"};
            DeviceBuffer[] set = new DeviceBuffer[6];
            for (int i = 0; i < 6; i++) {
                set[i] = random ? rnd(names[i], m, widths[i]) : out(names[i], DType.BF16, m, widths[i]);
            }
            return set;
        }

        static DeviceBuffer[] concat(DeviceBuffer[] first, DeviceBuffer[] second) {
            DeviceBuffer[] all = java.util.Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            return all;
        }

        void conv(List<BenchCase> cases, KernelLibrary lib) {
            CausalConv1dUpdateKernel conv = new CausalConv1dUpdateKernel(lib, d);
            cases.add(make(
                    "causal_conv1d_update",
                    CausalConv1dUpdateKernel.work(d, m, false),
                    i -> new DeviceBuffer[] {
                        rnd("projection", m, p),
                        rnd("convWeight", c, w),
                        rnd("convState", m, c, w - 1),
                        out("y", DType.BF16, m, c)
                    },
                    (s, b) -> conv.launch(s, b[0], b[1], null, b[2], b[3], m)));
            GdnSplitKernel split = new GdnSplitKernel(lib, d);
            cases.add(make(
                    "gdn_split",
                    GdnSplitKernel.work(d, m),
                    i -> concat(new DeviceBuffer[] {rnd("y", m, c), rnd("projection", m, p)}, packedSet(false)),
                    (s, b) -> split.launch(s, b[0], b[1], packed(b, 2), m)));
            ConvPackGdnKernel pack = new ConvPackGdnKernel(lib, d);
            cases.add(make(
                    "conv_pack_gdn",
                    ConvPackGdnKernel.work(d, m, false),
                    i -> concat(
                            new DeviceBuffer[] {
                                rnd("projection", m, p), rnd("convWeight", c, w), rnd("convState", m, c, w - 1)
                            },
                            packedSet(false)),
                    (s, b) -> pack.launch(s, b[0], b[1], null, b[2], packed(b, 3), m)));
        }

        void recurrence(List<BenchCase> cases, KernelLibrary lib) {
            int hv = d.valueHeads();
            GatedDeltaRuleKernel rule = new GatedDeltaRuleKernel(lib, d);
            cases.add(make(
                    "gated_delta_rule",
                    GatedDeltaRuleKernel.work(d, m),
                    i -> {
                        DeviceBuffer state = out("state", DType.F32, m, hv, d.keyDim(), d.valueDim());
                        state.zero();
                        return concat(
                                new DeviceBuffer[] {
                                    f32("aLog", RandomFill.floats(random, hv, 1), hv),
                                    f32("dtBias", RandomFill.floats(random, hv, 1), hv),
                                    state,
                                    out("o", DType.BF16, m, vd)
                                },
                                packedSet(true));
                    },
                    (s, b) -> rule.launch(s, packed(b, 4), b[0], b[1], b[2], b[3], m, EPS)));
            GatedRmsNormKernel norm = new GatedRmsNormKernel(lib, d);
            cases.add(make(
                    "gated_rmsnorm",
                    GatedRmsNormKernel.work(d, m),
                    i -> new DeviceBuffer[] {
                        rnd("o", m, vd), rnd("z", m, vd), rnd("w", d.valueDim()), out("y", DType.BF16, m, vd)
                    },
                    (s, b) -> norm.launch(s, b[0], b[1], b[2], b[3], m, EPS)));
        }
    }
}
