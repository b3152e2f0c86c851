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
 * {@code grouped_gemm1.cu}: {@code h1[s, 0:2I] = y[s / K'] · W13[e]ᵀ} for every expert e and slot s
 * in its table (MoE step 6), all experts in one persistent launch. Immutable; launch from the thread
 * that has the context current.
 */
public final class GroupedGemm1Kernel {
    private final CudaFunction function;
    private final ModelDims dims;
    private final Dim grid;

    private final int tensorCoreMinSlots;

    /** The 32-wide chunks per round of {@code grouped_gemm1_tcp_kernel} (its source's choice). */
    private static final int PIPELINED_CHUNKS_PER_ROUND = 2;

    /**
     * {@link TensorCorePolicy#AUTO} with the pipelined tensor-core items where the device and sizes allow
     * them, else AUTO with 8-row items, else the CUDA-core kernel.
     */
    public GroupedGemm1Kernel(KernelLibrary lib, ModelDims dims) {
        this(lib, dims, TensorCorePolicy.defaultFor(lib, dims.hidden()), pipelinedByDefault(lib, dims));
    }

    private static boolean pipelinedByDefault(KernelLibrary lib, ModelDims dims) {
        return TensorCorePolicy.defaultFor(lib, dims.hidden()) != TensorCorePolicy.CUDA_CORES_ONLY
                && pipelinedFits(dims);
    }

    /**
     * @param tensorCoreMinSlots experts with at least this many slots run on the tensor cores
     *     ({@code grouped_gemm1_tc_kernel}, mma.sync, sm_80+), the others on CUDA cores; {@link TensorCorePolicy#AUTO}
     *     decides per launch; {@link TensorCorePolicy#CUDA_CORES_ONLY} launches the CUDA-core {@code
     *     grouped_gemm1_kernel}. Results agree within bf16 rounding.
     */
    public GroupedGemm1Kernel(KernelLibrary lib, ModelDims dims, int tensorCoreMinSlots) {
        this(lib, dims, tensorCoreMinSlots, false);
    }

    /**
     * As {@link #GroupedGemm1Kernel(KernelLibrary, ModelDims, int)}; with {@code pipelined} the heavy
     * experts take the pipelined 16-row tensor-core items ({@code grouped_gemm1_tcp_kernel}: weights
     * double-buffered in registers, 2 chunks of 32 per round), same results.
     *
     * @throws IllegalArgumentException when {@code pipelined} is asked of the CUDA-core kernel, or the
     *     sizes do not suit it ({@link #pipelinedFits})
     */
    public GroupedGemm1Kernel(KernelLibrary lib, ModelDims dims, int tensorCoreMinSlots, boolean pipelined) {
        if (pipelined && !pipelinedFits(dims)) {
            throw new IllegalArgumentException("grouped_gemm1: no pipelined tensor-core kernel for " + dims);
        }
        this.function = lib.function(
                "grouped_gemm1", TensorCorePolicy.entry("grouped_gemm1", tensorCoreMinSlots, pipelined), dims);
        this.tensorCoreMinSlots = tensorCoreMinSlots;
        this.dims = dims;
        this.grid = Dim.of(2 * lib.multiprocessors());
    }

    /** Whether the source builds {@code grouped_gemm1_tcp_kernel} for these sizes. */
    public static boolean pipelinedFits(ModelDims dims) {
        return TensorCorePolicy.pipelinedFits(dims.hidden(), 2 * dims.inter(), PIPELINED_CHUNKS_PER_ROUND);
    }

    /**
     * Enqueues the GEMM: grid 2 × SMs, block 256.
     *
     * @param y {@code [tokens, H]} bf16
     * @param w13 {@code [n, 2I, H]} bf16 with {@code n} = {@code dims.tableExperts()} or E + 1
     * @param count {@code [E']} int32, from an align ({@code E' = dims.tableExperts()})
     * @param expertToTokens {@code [E', tokens*K']} int32, from the same align
     * @param h1 {@code [tokens*K', 2I]} bf16, written for every listed slot
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer y,
            DeviceBuffer w13,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer h1,
            int tokens) {
        int slots = checkInputs(dims, y, w13, count, expertToTokens, tokens);
        int kp = dims.slotsPerToken();
        int experts = dims.tableExperts();
        Args.buffer("h1", h1, DType.BF16, slots, 2L * dims.inter());
        Object[] args = {y, w13, count, expertToTokens, h1, slots, kp, experts};
        KernelLauncher.launch(
                function,
                grid,
                Grids.BLOCK_256,
                0,
                stream,
                TensorCorePolicy.launchArgs(args, tensorCoreMinSlots, dims, tokens));
    }

    /** Checks grouped_gemm1's inputs (as {@link #launch} takes them) and returns the slots, tokens × K'. */
    static int checkInputs(
            ModelDims dims,
            DeviceBuffer y,
            DeviceBuffer w13,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            int tokens) {
        Args.positive("tokens", tokens);
        int slots = Args.product("tokens * K'", tokens, dims.slotsPerToken());
        int experts = dims.tableExperts();
        Args.buffer("y", y, DType.BF16, tokens, dims.hidden());
        Args.buffer("w13", w13, DType.BF16, Args.weightExperts("w13", w13, dims), 2L * dims.inter(), dims.hidden());
        Args.buffer("count", count, DType.I32, experts);
        Args.buffer("expertToTokens", expertToTokens, DType.I32, experts, slots);
        return slots;
    }

    /**
     * Weights of the experts touched ({@code touchedExperts * 2I * H * 2} bytes, each read once),
     * the activations, counts and tables read; h1 written; {@code 2 * slots * 2I * H} FLOPs.
     *
     * @param touchedExperts experts with at least one slot (at most {@code min(E', tokens * K')})
     */
    public static Work work(ModelDims dims, int tokens, int touchedExperts) {
        long slots = (long) tokens * dims.slotsPerToken();
        long rows = 2L * dims.inter();
        long read = 2L * touchedExperts * rows * dims.hidden()
                + 2L * tokens * dims.hidden()
                + 4L * dims.tableExperts()
                + 4L * slots;
        return new Work(read, 2L * slots * rows, 2L * slots * rows * dims.hidden());
    }
}
