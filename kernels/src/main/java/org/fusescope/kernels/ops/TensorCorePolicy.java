package org.fusescope.kernels.ops;

import java.util.Arrays;
import org.fusescope.kernels.shape.ModelDims;

/**
 * Which experts the grouped GEMMs run on the tensor cores, as the {@code tensorCoreMinSlots} argument
 * of {@link GroupedGemm1Kernel} and {@link GroupedGemm2Kernel}: experts with at least that many slots
 * take MMA items (pipelined 16-row items by default, 8-row ones on request), the others CUDA-core
 * items. Stateless.
 */
public final class TensorCorePolicy {
    /**
     * Decide per launch, as measured on an H100 (benchmarks/h100/README.md): from a GEMM's own number
     * of slots per expert on average (4 for grouped_gemm1: M = 205 at K = 10, E = 512; 1 for the
     * pipelined grouped_gemm2: M = 52) every expert runs on the tensor cores; below that only experts
     * with {@value #HEAVY_EXPERT_SLOTS} or more slots (the shared expert as expert E, hot experts),
     * because for a handful of slots the CUDA-core items stream the weights faster.
     */
    public static final int AUTO = 0;

    /** Slots from which an expert counts as heavy under {@link #AUTO}. */
    public static final int HEAVY_EXPERT_SLOTS = 32;

    /** The CUDA-core kernels alone (no tensor cores). */
    public static final int CUDA_CORES_ONLY = Integer.MAX_VALUE;

    private TensorCorePolicy() {}

    /** {@link #AUTO} where the device has bf16 MMA (sm_80+) and the reduction length suits it, else CUDA cores. */
    static int defaultFor(KernelLibrary lib, int reductionLength) {
        return lib.context().smArchitecture() >= 80 && reductionLength % 32 == 0 ? AUTO : CUDA_CORES_ONLY;
    }

    /** Slots per expert on average from which {@link #AUTO} sends every expert to the tensor cores, by default. */
    static final double ALL_EXPERTS_FROM = 4;

    /** The threshold a launch of {@code tokens} tokens uses: {@code minSlots}, or under {@link #AUTO} 1 or heavy. */
    static int resolve(int minSlots, ModelDims dims, int tokens) {
        return resolve(minSlots, dims, tokens, ALL_EXPERTS_FROM);
    }

    /**
     * As {@link #resolve(int, ModelDims, int)}, where {@link #AUTO} sends every expert to the tensor
     * cores from {@code allExpertsFrom} slots per expert on average.
     */
    static int resolve(int minSlots, ModelDims dims, int tokens, double allExpertsFrom) {
        if (minSlots != AUTO) {
            return minSlots;
        }
        double perExpert = (double) tokens * dims.slotsPerToken() / dims.tableExperts();
        return perExpert >= allExpertsFrom ? 1 : HEAVY_EXPERT_SLOTS;
    }

    /** The entry point of {@code op}'s source: {@code <op>_tc_kernel}, or {@code <op>_kernel} for CUDA cores only. */
    static String entry(String op, int minSlots) {
        return entry(op, minSlots, false);
    }

    /**
     * As {@link #entry(String, int)}, or with {@code pipelined} the kernel of pipelined 16-row
     * tensor-core items, {@code <op>_tcp_kernel} (grouped_gemm_tcp.cuh).
     *
     * @throws IllegalArgumentException when {@code pipelined} is asked of the CUDA-core kernel
     */
    static String entry(String op, int minSlots, boolean pipelined) {
        check(minSlots);
        if (minSlots == CUDA_CORES_ONLY) {
            if (pipelined) {
                throw new IllegalArgumentException(op + ": pipelined tensor-core items need the tensor cores");
            }
            return op + "_kernel";
        }
        return op + (pipelined ? "_tcp_kernel" : "_tc_kernel");
    }

    /**
     * Whether a source builds its pipelined kernel ({@code <op>_tcp_kernel}) for these sizes: the
     * reduction splits into pairs of rounds of {@code chunksPerRound} 32-wide chunks, and the output
     * rows into items of 16.
     */
    static boolean pipelinedFits(int reductionLength, int outputRows, int chunksPerRound) {
        return reductionLength % (64 * chunksPerRound) == 0 && outputRows % 16 == 0;
    }

    /** The launch arguments: {@code args}, plus the resolved threshold for the tensor-core kernel. */
    static Object[] launchArgs(Object[] args, int minSlots, ModelDims dims, int tokens) {
        return launchArgs(args, minSlots, dims, tokens, ALL_EXPERTS_FROM);
    }

    /** As {@link #launchArgs(Object[], int, ModelDims, int)}, with {@link #resolve(int, ModelDims, int, double)}'s bound. */
    static Object[] launchArgs(Object[] args, int minSlots, ModelDims dims, int tokens, double allExpertsFrom) {
        if (minSlots == CUDA_CORES_ONLY) {
            return args;
        }
        Object[] withThreshold = Arrays.copyOf(args, args.length + 1);
        withThreshold[args.length] = resolve(minSlots, dims, tokens, allExpertsFrom);
        return withThreshold;
    }

    static void check(int minSlots) {
        if (minSlots < 0) {
            throw new IllegalArgumentException("tensorCoreMinSlots must not be negative: " + minSlots);
        }
    }
}
