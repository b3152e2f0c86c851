package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.DeviceArrays.bf16;
import static org.fusescope.kernels.ops.DeviceArrays.f32;
import static org.fusescope.kernels.ops.DeviceArrays.i32;
import static org.fusescope.kernels.ops.DeviceArrays.out;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;

/**
 * One {@link BenchCase} per kernel at one size. Each case allocates enough buffer sets that {@code
 * copies * work().bytes() >= minBytes} (at most {@value #MAX_COPIES}), so rotating through them keeps
 * the inputs out of L2 (pass about twice the L2 size). Inputs are random (seeded), filled once.
 *
 * <p>The grouped GEMMs share ONE weight table among all copies (W13 is about 2 GB, far larger than
 * any L2); each copy has its own uniform random top-K routing, so consecutive launches touch
 * different experts, and their {@link Work} counts the experts touched averaged over the copies.
 * Needs the library's context current; not thread-safe.
 */
public final class KernelBenchCases {
    /** Upper bound on buffer sets per case. */
    public static final int MAX_COPIES = 64;

    private static final float EPS = 1e-6f;
    private static final long SEED = 0x5EED_F05EL;

    private KernelBenchCases() {}

    /** The cases of every kernel at {@code tokens} tokens for {@code dims}; close each when done. */
    public static List<BenchCase> all(KernelLibrary lib, ModelDims dims, int tokens, long minBytes) {
        Builder b = new Builder(lib, dims, tokens, minBytes);
        List<BenchCase> cases = new ArrayList<>();
        try {
            b.elementwise(cases);
            b.routing(cases);
            b.gemms(cases);
            // the uploads ran on the legacy stream; the caller's timing stream must not overtake them
            lib.context().synchronize();
            return cases;
        } catch (RuntimeException e) {
            cases.forEach(BenchCase::close);
            throw e;
        }
    }

    /** {@code clamp(ceil(minBytes / bytesPerLaunch), 1, MAX_COPIES)}. */
    static int copies(long minBytes, long bytesPerLaunch) {
        long c = (minBytes + Math.max(1, bytesPerLaunch) - 1) / Math.max(1, bytesPerLaunch);
        return (int) Math.max(1, Math.min(MAX_COPIES, c));
    }

    private static final class Builder {
        private final KernelLibrary lib;
        private final ModelDims d;
        private final int m;
        private final long minBytes;
        private final SplittableRandom random = new SplittableRandom(SEED);
        private final long h;
        private final int kp;
        private final int slots;

        Builder(KernelLibrary lib, ModelDims dims, int tokens, long minBytes) {
            this.lib = lib;
            this.d = dims;
            this.m = tokens;
            this.minBytes = minBytes;
            this.h = dims.hidden();
            this.kp = dims.slotsPerToken();
            this.slots = tokens * kp;
        }

        short[] rnd(long n) {
            return RandomFill.bf16(random, n, 1.0);
        }

        BenchCase make(String op, Work work, IntFunction<DeviceBuffer[]> factory, BufferSetCase.SetLauncher launcher) {
            return new BufferSetCase(op, m, work, copies(minBytes, work.bytes()), List.of(), factory, launcher);
        }

        void elementwise(List<BenchCase> cases) {
            ResidualAddKernel residual = new ResidualAddKernel(lib, d);
            cases.add(make(
                    "residual_add",
                    ResidualAddKernel.work(d, m),
                    c -> new DeviceBuffer[] {bf16("x", rnd(m * h), m, h), bf16("r", rnd(m * h), m, h)},
                    (s, b) -> residual.launch(s, b[0], b[1], m)));
            RmsNormKernel rms = new RmsNormKernel(lib, d);
            cases.add(make(
                    "rmsnorm",
                    RmsNormKernel.work(d, m),
                    c -> new DeviceBuffer[] {
                        bf16("x", rnd(m * h), m, h), bf16("w", rnd(h), h), out("y", DType.BF16, m, h)
                    },
                    (s, b) -> rms.launch(s, b[0], b[1], b[2], m, EPS)));
            FusedAddRmsNormKernel fused = new FusedAddRmsNormKernel(lib, d);
            cases.add(make(
                    "fused_add_rmsnorm",
                    FusedAddRmsNormKernel.work(d, m),
                    c -> new DeviceBuffer[] {
                        bf16("x", rnd(m * h), m, h),
                        bf16("w", rnd(h), h),
                        bf16("r", rnd(m * h), m, h),
                        out("y", DType.BF16, m, h)
                    },
                    (s, b) -> fused.launch(s, b[0], b[1], b[2], b[3], m, EPS)));
            int hi = (int) h;
            SigmoidKernel sigmoid = new SigmoidKernel(lib, d);
            cases.add(make(
                    "sigmoid",
                    SigmoidKernel.work(m, 1),
                    c -> new DeviceBuffer[] {bf16("g", rnd(m), m, 1), out("out", DType.BF16, m, 1)},
                    (s, b) -> sigmoid.launch(s, b[0], b[1], m, 1)));
            MulKernel mul = new MulKernel(lib, d);
            cases.add(make(
                    "mul",
                    MulKernel.work(m, hi, 1),
                    c -> new DeviceBuffer[] {
                        bf16("a", rnd(m * h), m, h), bf16("b", rnd(m), m, 1), out("out", DType.BF16, m, h)
                    },
                    (s, b) -> mul.launch(s, b[0], b[1], b[2], m, hi, 1)));
            AddKernel add = new AddKernel(lib, d);
            cases.add(make(
                    "add",
                    AddKernel.work(m, hi, hi),
                    c -> new DeviceBuffer[] {
                        bf16("a", rnd(m * h), m, h), bf16("b", rnd(m * h), m, h), out("out", DType.BF16, m, h)
                    },
                    (s, b) -> add.launch(s, b[0], b[1], b[2], m, hi, hi)));
            AddSharedExpertGateKernel gate = new AddSharedExpertGateKernel(lib, d);
            cases.add(make(
                    "add_shared_expert_gate",
                    AddSharedExpertGateKernel.work(m, hi, 1),
                    c -> new DeviceBuffer[] {
                        bf16("shared", rnd(m * h), m, h), bf16("g", rnd(m), m, 1), bf16("out", rnd(m * h), m, h)
                    },
                    (s, b) -> gate.launch(s, b[0], b[1], b[2], m, hi, 1)));
            SigmoidMulKernel sigmoidMul = new SigmoidMulKernel(lib, d);
            cases.add(make(
                    "sigmoid_mul",
                    SigmoidMulKernel.work(m, hi, hi),
                    c -> new DeviceBuffer[] {bf16("g", rnd(m * h), m, h), bf16("x", rnd(m * h), m, h)},
                    (s, b) -> sigmoidMul.launch(s, b[0], b[1], m, hi, hi)));
            SiluAndMulKernel silu = new SiluAndMulKernel(lib, d);
            cases.add(make(
                    "silu_and_mul",
                    SiluAndMulKernel.work(d, slots),
                    c -> new DeviceBuffer[] {
                        bf16("h1", rnd(2L * slots * d.inter()), slots, 2L * d.inter()),
                        out("a", DType.BF16, slots, d.inter())
                    },
                    (s, b) -> silu.launch(s, b[0], b[1], slots)));
            MoeSumReduceKernel sum = new MoeSumReduceKernel(lib, d);
            cases.add(make(
                    "moe_sum_reduce",
                    MoeSumReduceKernel.work(d, m),
                    c -> new DeviceBuffer[] {bf16("h2", rnd(slots * h), slots, h), out("out", DType.BF16, m, h)},
                    (s, b) -> sum.launch(s, b[0], b[1], m)));
        }

        void routing(List<BenchCase> cases) {
            ModelDims routed = d.withSharedAsExpert(false);
            int k = d.topK();
            TopkSoftmaxKernel topk = new TopkSoftmaxKernel(lib, routed);
            cases.add(make(
                    "topk_softmax",
                    TopkSoftmaxKernel.work(routed, m, DType.F32),
                    c -> new DeviceBuffer[] {
                        f32("logits", RandomFill.floats(random, (long) m * d.experts(), 3.0), m, d.experts()),
                        out("ids", DType.I32, m, k),
                        out("weights", DType.F32, m, k)
                    },
                    (s, b) -> topk.launch(s, b[0], b[1], b[2], m, true)));
            AppendSharedExpertKernel append = new AppendSharedExpertKernel(lib, routed);
            cases.add(make(
                    "append_shared_expert",
                    AppendSharedExpertKernel.work(routed, m, DType.BF16),
                    c -> {
                        Routing r = Routing.uniform(random, routed, m);
                        return new DeviceBuffer[] {
                            i32("ids", r.ids(), m, k),
                            f32("weights", r.weights(), m, k),
                            bf16("gate", rnd(m), m, 1),
                            out("idsOut", DType.I32, m, k + 1),
                            out("weightsOut", DType.F32, m, k + 1)
                        };
                    },
                    (s, b) -> append.launch(s, b[0], b[1], b[2], b[3], b[4], m)));
            MoeAlignKernel align = new MoeAlignKernel(lib, d);
            cases.add(make("moe_align", MoeAlignKernel.work(d, m), this::alignSet, (s, b) -> {
                align.zeroCounts(s, b[2]);
                align.launch(s, b[0], b[1], b[2], b[3], b[4], m);
            }));
            MoeAlignFusedKernel alignFused = new MoeAlignFusedKernel(lib, d);
            cases.add(make(
                    "moe_align_fused",
                    MoeAlignFusedKernel.work(d, m),
                    this::alignSet,
                    (s, b) -> alignFused.launch(s, b[0], b[1], b[2], b[3], b[4], m)));
            MoeAlignFusedKernel alignShared = MoeAlignFusedKernel.withSharedCounts(lib, d);
            cases.add(make(
                    "moe_align_shared_counts",
                    MoeAlignFusedKernel.work(d, m),
                    this::alignSet,
                    (s, b) -> alignShared.launch(s, b[0], b[1], b[2], b[3], b[4], m)));
        }

        DeviceBuffer[] alignSet(int copy) {
            Routing r = Routing.uniform(random, d, m);
            int experts = d.tableExperts();
            return new DeviceBuffer[] {
                i32("ids", r.ids(), m, kp),
                f32("weights", r.weights(), m, kp),
                out("count", DType.I32, experts),
                out("expertToTokens", DType.I32, experts, slots),
                out("expertToWeights", DType.F32, experts, slots)
            };
        }

        void gemms(List<BenchCase> cases) {
            new GemmCases(lib, d, m, minBytes, random).add(cases);
        }
    }
}
