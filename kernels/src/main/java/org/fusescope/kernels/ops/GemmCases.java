package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.DeviceArrays.bf16;
import static org.fusescope.kernels.ops.DeviceArrays.f32;
import static org.fusescope.kernels.ops.DeviceArrays.i32;
import static org.fusescope.kernels.ops.DeviceArrays.out;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The grouped-GEMM bench cases of {@link KernelBenchCases}: one weight table per GEMM shared by all
 * copies (values uniform ±0.05), a uniform random routing per copy; with them the small-batch fused
 * kernels grouped_gemm1_silu and grouped_gemm2_sum (to set against grouped_gemm1 + silu_and_mul and
 * grouped_gemm2 + moe_sum_reduce; grouped_gemm2_sum only up to its {@link GroupedGemm2SumKernel#MAX_SLOTS}).
 */
final class GemmCases {
    private final KernelLibrary lib;
    private final ModelDims d;
    private final int m;
    private final long minBytes;
    private final SplittableRandom random;

    GemmCases(KernelLibrary lib, ModelDims dims, int tokens, long minBytes, SplittableRandom random) {
        this.lib = lib;
        this.d = dims;
        this.m = tokens;
        this.minBytes = minBytes;
        this.random = random;
    }

    void add(List<BenchCase> cases) {
        int experts = d.tableExperts();
        int slots = m * d.slotsPerToken();
        long h = d.hidden();
        long inter = d.inter();
        // routings first: copies come from the work, the work from the experts the routings touch
        List<Routing> routings = new ArrayList<>();
        routings.add(Routing.uniform(random, d, m));
        int copies = KernelBenchCases.copies(
                minBytes, GroupedGemm2Kernel.work(d, m, touched(routings)).bytes());
        while (routings.size() < copies) {
            routings.add(Routing.uniform(random, d, m));
        }
        int touched = touched(routings);
        DeviceBuffer w13 = bf16("w13", RandomFill.bf16(random, experts * 2 * inter * h, 0.05), experts, 2 * inter, h);
        // the other variants first, borrowing the table; the default one owns and closes it
        GroupedGemm1SiluKernel gemm1Silu = new GroupedGemm1SiluKernel(lib, d);
        cases.add(new BufferSetCase(
                "grouped_gemm1_silu",
                m,
                GroupedGemm1SiluKernel.work(d, m, touched),
                copies,
                List.of(),
                c -> gemm1Set(routings.get(c), out("a", DType.BF16, slots, inter)),
                (s, b) -> gemm1Silu.launch(s, b[0], w13, b[1], b[2], b[3], m)));
        variants(GroupedGemm1Kernel.pipelinedFits(d), (minSlots, pipelined, owner) -> {
            GroupedGemm1Kernel gemm1 = new GroupedGemm1Kernel(lib, d, minSlots, pipelined);
            cases.add(new BufferSetCase(
                    "grouped_gemm1" + variant(minSlots, pipelined),
                    m,
                    GroupedGemm1Kernel.work(d, m, touched),
                    copies,
                    owner ? List.of(w13) : List.of(),
                    c -> gemm1Set(routings.get(c), out("h1", DType.BF16, slots, 2 * inter)),
                    (s, b) -> gemm1.launch(s, b[0], w13, b[1], b[2], b[3], m)));
        });
        DeviceBuffer w2 = bf16("w2", RandomFill.bf16(random, experts * h * inter, 0.05), experts, h, inter);
        if (GroupedGemm2SumKernel.fits(d, m)) {
            GroupedGemm2SumKernel gemm2Sum = new GroupedGemm2SumKernel(lib, d);
            cases.add(new BufferSetCase(
                    "grouped_gemm2_sum",
                    m,
                    GroupedGemm2SumKernel.work(d, m, touched),
                    copies,
                    List.of(),
                    c -> gemm2Set(routings.get(c), out("out", DType.BF16, m, h)),
                    (s, b) -> gemm2Sum.launch(s, b[0], w2, b[1], b[2], b[3], b[4], b[5], m)));
        }
        variants(GroupedGemm2Kernel.pipelinedFits(d), (minSlots, pipelined, owner) -> {
            GroupedGemm2Kernel gemm2 = new GroupedGemm2Kernel(lib, d, minSlots, pipelined);
            cases.add(new BufferSetCase(
                    "grouped_gemm2" + variant(minSlots, pipelined),
                    m,
                    GroupedGemm2Kernel.work(d, m, touched),
                    copies,
                    owner ? List.of(w2) : List.of(),
                    c -> gemm2Set(routings.get(c)),
                    (s, b) -> gemm2.launch(s, b[0], w2, b[1], b[2], b[3], b[4], m)));
        });
    }

    /** One grouped-GEMM variant: its tensor-core threshold, whether it is pipelined, whether it owns the weights. */
    interface Variant {
        void add(int minSlots, boolean pipelined, boolean owner);
    }

    /**
     * Each variant of {@link #MIN_SLOTS} and {@link #PIPELINED} the sizes have ({@code pipelinedFits}: whether they
     * have the pipelined kernel), in order; the last one added owns the weights.
     */
    static void variants(boolean pipelinedFits, Variant variant) {
        for (int v = 0; v < MIN_SLOTS.length; v++) {
            if (PIPELINED[v] && !pipelinedFits) {
                continue;
            }
            variant.add(MIN_SLOTS[v], PIPELINED[v], v == MIN_SLOTS.length - (pipelinedFits ? 1 : 3));
        }
    }

    /** A grouped_gemm1 buffer set: y, count and expertToTokens of {@code routing}, then {@code output}. */
    private DeviceBuffer[] gemm1Set(Routing routing, DeviceBuffer output) {
        int experts = d.tableExperts();
        long h = d.hidden();
        return new DeviceBuffer[] {
            bf16("y", RandomFill.bf16(random, m * h, 1.0), m, h),
            i32("count", routing.count(), experts),
            i32("expertToTokens", routing.expertToTokens(), experts, (long) m * d.slotsPerToken()),
            output
        };
    }

    /**
     * A grouped_gemm2 buffer set: a, count, expertToTokens and expertToWeights of {@code routing}, h2, then
     * {@code more} outputs.
     */
    private DeviceBuffer[] gemm2Set(Routing routing, DeviceBuffer... more) {
        int experts = d.tableExperts();
        long slots = (long) m * d.slotsPerToken();
        long inter = d.inter();
        DeviceBuffer[] set = new DeviceBuffer[5 + more.length];
        set[0] = bf16("a", RandomFill.bf16(random, slots * inter, 1.0), slots, inter);
        set[1] = i32("count", routing.count(), experts);
        set[2] = i32("expertToTokens", routing.expertToTokens(), experts, slots);
        set[3] = f32("expertToWeights", routing.expertToWeights(), experts, slots);
        set[4] = out("h2", DType.BF16, slots, d.hidden());
        System.arraycopy(more, 0, set, 5, more.length);
        return set;
    }

    /**
     * How many slots send an expert to the tensor cores, per case (with {@link #PIPELINED}: whether
     * they take the pipelined items); the default (the table's owner, pipelined AUTO) last. Where the
     * sizes have no pipelined kernel the owner is the 8-row AUTO case before it.
     */
    private static final int[] MIN_SLOTS = {
        TensorCorePolicy.CUDA_CORES_ONLY, 1, 16, TensorCorePolicy.AUTO, 1, TensorCorePolicy.AUTO
    };

    private static final boolean[] PIPELINED = {false, false, false, false, true, true};

    private static String variant(int minSlots, boolean pipelined) {
        if (minSlots == TensorCorePolicy.CUDA_CORES_ONLY) {
            return " (CUDA cores)";
        }
        if (minSlots == TensorCorePolicy.AUTO) {
            return pipelined ? "" : " (8-row tensor-core items)";
        }
        return " (" + (pipelined ? "pipelined tensor cores" : "tensor cores") + " from " + minSlots + " slots)";
    }

    /** The mean number of experts touched per routing, rounded. */
    private static int touched(List<Routing> routings) {
        return (int) Math.round(
                routings.stream().mapToInt(Routing::touchedExperts).average().orElse(0));
    }
}
