package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code grouped_gemm2.cu}: {@code h2[s, 0:H] = (a[s] · W2[e]ᵀ) * weight(s)} for every expert e and
 * slot s in its table (MoE step 8), all experts in one persistent launch. Immutable; launch from the
 * thread that has the context current.
 */
public final class GroupedGemm2Kernel {
    private final CudaFunction function;
    private final ModelDims dims;
    private final Dim grid;

    private final int tensorCoreMinSlots;
    private final boolean pipelined;

    /** The 32-wide chunks per round of {@code grouped_gemm2_tcp_kernel} (its source's choice). */
    private static final int PIPELINED_CHUNKS_PER_ROUND = 4;

    /**
     * {@link TensorCorePolicy#AUTO} with the pipelined tensor-core items where the device and sizes allow
     * them, else AUTO with 8-row items, else the CUDA-core kernel.
     */
    public GroupedGemm2Kernel(KernelLibrary lib, ModelDims dims) {
        this(lib, dims, TensorCorePolicy.defaultFor(lib, dims.inter()), pipelinedByDefault(lib, dims));
    }

    private static boolean pipelinedByDefault(KernelLibrary lib, ModelDims dims) {
        return TensorCorePolicy.defaultFor(lib, dims.inter()) != TensorCorePolicy.CUDA_CORES_ONLY
                && pipelinedFits(dims);
    }

    /**
     * @param tensorCoreMinSlots experts with at least this many slots run on the tensor cores
     *     ({@code grouped_gemm2_tc_kernel}, mma.sync, sm_80+), the others on CUDA cores; {@link TensorCorePolicy#AUTO}
     *     decides per launch; {@link TensorCorePolicy#CUDA_CORES_ONLY} launches the CUDA-core {@code
     *     grouped_gemm2_kernel}. Results agree within bf16 rounding.
     */
    public GroupedGemm2Kernel(KernelLibrary lib, ModelDims dims, int tensorCoreMinSlots) {
        this(lib, dims, tensorCoreMinSlots, false);
    }

    /**
     * As {@link #GroupedGemm2Kernel(KernelLibrary, ModelDims, int)}; with {@code pipelined} the heavy
     * experts take the pipelined 16-row tensor-core items ({@code grouped_gemm2_tcp_kernel}: weights
     * double-buffered in registers, 4 chunks of 32 per round), same results.
     *
     * @throws IllegalArgumentException when {@code pipelined} is asked of the CUDA-core kernel, or the
     *     sizes do not suit it ({@link #pipelinedFits})
     */
    public GroupedGemm2Kernel(KernelLibrary lib, ModelDims dims, int tensorCoreMinSlots, boolean pipelined) {
        if (pipelined && !pipelinedFits(dims)) {
            throw new IllegalArgumentException("grouped_gemm2: no pipelined tensor-core kernel for " + dims);
        }
        this.function = lib.function(
                "grouped_gemm2", TensorCorePolicy.entry("grouped_gemm2", tensorCoreMinSlots, pipelined), dims);
        this.tensorCoreMinSlots = tensorCoreMinSlots;
        this.pipelined = pipelined;
        this.dims = dims;
        this.grid = Dim.of(2 * lib.multiprocessors());
    }

    /**
     * Slots per expert on average from which {@link TensorCorePolicy#AUTO} sends every expert to the
     * tensor cores: 1 with the pipelined items (H100, M = 64: 269.8 against 284.4 µs with the shared
     * expert, 268.8 against 286.0 without), else the policy's default.
     */
    double allExpertsFrom() {
        return pipelined ? 1 : TensorCorePolicy.ALL_EXPERTS_FROM;
    }

    /** Whether the source builds {@code grouped_gemm2_tcp_kernel} for these sizes. */
    public static boolean pipelinedFits(ModelDims dims) {
        return TensorCorePolicy.pipelinedFits(dims.inter(), dims.hidden(), PIPELINED_CHUNKS_PER_ROUND);
    }

    /**
     * Enqueues the GEMM: grid 2 × SMs, block 256.
     *
     * @param a {@code [tokens*K', I]} bf16, from silu_and_mul
     * @param w2 {@code [n, H, I]} bf16 with {@code n} = {@code dims.tableExperts()} or E + 1
     * @param count {@code [E']} int32, from an align
     * @param expertToTokens {@code [E', tokens*K']} int32
     * @param expertToWeights {@code [E', tokens*K']} fp32
     * @param h2 {@code [tokens*K', H]} bf16, written for every listed slot
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer a,
            DeviceBuffer w2,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer expertToWeights,
            DeviceBuffer h2,
            int tokens) {
        int slots = checkInputs(dims, a, w2, count, expertToTokens, expertToWeights, h2, tokens);
        int experts = dims.tableExperts();
        Object[] args = {a, w2, count, expertToTokens, expertToWeights, h2, slots, experts};
        KernelLauncher.launch(
                function,
                grid,
                Grids.BLOCK_256,
                0,
                stream,
                TensorCorePolicy.launchArgs(args, tensorCoreMinSlots, dims, tokens, allExpertsFrom()));
    }

    /**
     * Checks grouped_gemm2's inputs and its h2 (as {@link #launch} takes them) and returns the slots, tokens ×
     * K'.
     */
    static int checkInputs(
            ModelDims dims,
            DeviceBuffer a,
            DeviceBuffer w2,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer expertToWeights,
            DeviceBuffer h2,
            int tokens) {
        Args.positive("tokens", tokens);
        int slots = Args.product("tokens * K'", tokens, dims.slotsPerToken());
        int experts = dims.tableExperts();
        Args.buffer("a", a, DType.BF16, slots, dims.inter());
        Args.buffer("w2", w2, DType.BF16, Args.weightExperts("w2", w2, dims), dims.hidden(), dims.inter());
        Args.buffer("count", count, DType.I32, experts);
        Args.buffer("expertToTokens", expertToTokens, DType.I32, experts, slots);
        Args.buffer("expertToWeights", expertToWeights, DType.F32, experts, slots);
        Args.buffer("h2", h2, DType.BF16, slots, dims.hidden());
        return slots;
    }

    /**
     * Weights of the experts touched ({@code touchedExperts * H * I * 2} bytes), the activations,
     * counts and tables (slot + weight) read; h2 written; {@code 2 * slots * H * I} FLOPs (+ the scale).
     *
     * @param touchedExperts experts with at least one slot
     */
    public static Work work(ModelDims dims, int tokens, int touchedExperts) {
        long slots = (long) tokens * dims.slotsPerToken();
        long hi = (long) dims.hidden() * dims.inter();
        long read = 2L * touchedExperts * hi + 2L * slots * dims.inter() + 4L * dims.tableExperts() + 8L * slots;
        return new Work(read, 2L * slots * dims.hidden(), 2L * slots * hi + slots * dims.hidden());
    }
}
