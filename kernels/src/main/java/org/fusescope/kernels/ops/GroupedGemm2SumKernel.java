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
 * {@code grouped_gemm2_sum_kernel} in {@code grouped_gemm2.cu} (switch {@code gemm2_sum}, small batches):
 * grouped_gemm2 on CUDA cores and moe_sum_reduce in one launch, the bits of {@link GroupedGemm2Kernel} on CUDA
 * cores followed by {@link MoeSumReduceKernel}, for at most {@link #MAX_SLOTS} slots (tokens × K'). Each warp
 * computes one output row for every slot of every active expert, keeps the slot values in registers and writes
 * every token's sum of its K' slots; h2 is still written (the same bits as grouped_gemm2's) but not read back.
 * No atomics, no state between launches. Immutable; launch from the thread that has the context current.
 */
public final class GroupedGemm2SumKernel {
    /** The most slots (tokens × K') a launch takes: the kernel keeps a row's slot values in 2 registers a lane. */
    public static final int MAX_SLOTS = 64;

    private final CudaFunction function;
    private final ModelDims dims;
    private final Dim grid;

    public GroupedGemm2SumKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("grouped_gemm2", "grouped_gemm2_sum_kernel", dims);
        this.dims = dims;
        this.grid = Dim.of(2 * lib.multiprocessors());
    }

    /** Whether a launch of {@code tokens} tokens fits the kernel: tokens × K' ≤ {@link #MAX_SLOTS}. */
    public static boolean fits(ModelDims dims, int tokens) {
        return (long) tokens * dims.slotsPerToken() <= MAX_SLOTS;
    }

    /**
     * Checks that {@code tokens} tokens fit the kernel.
     *
     * @throws IllegalArgumentException when tokens × K' exceeds {@link #MAX_SLOTS}
     */
    static void checkSlots(ModelDims dims, int tokens) {
        Args.check(
                fits(dims, tokens),
                "tokens * K': expected <= " + MAX_SLOTS + " (grouped_gemm2_sum's limit) but was " + tokens + " * "
                        + dims.slotsPerToken());
    }

    /**
     * Enqueues the kernel: grid 2 × SMs, block 256.
     *
     * @param a {@code [tokens*K', I]} bf16
     * @param w2 {@code [n, H, I]} bf16 with {@code n} = {@code dims.tableExperts()} or E + 1
     * @param count {@code [E']} int32, from an align
     * @param expertToTokens {@code [E', tokens*K']} int32
     * @param expertToWeights {@code [E', tokens*K']} fp32
     * @param h2 {@code [tokens*K', H]} bf16, written for every listed slot as grouped_gemm2 writes it (not read)
     * @param out {@code [tokens, H]} bf16, every token's sum over its K' slots
     * @throws IllegalArgumentException when tokens × K' exceeds {@link #MAX_SLOTS}, or for a buffer of the
     *     wrong type or size
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer a,
            DeviceBuffer w2,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer expertToWeights,
            DeviceBuffer h2,
            DeviceBuffer out,
            int tokens) {
        checkSlots(dims, tokens);
        int slots = GroupedGemm2Kernel.checkInputs(dims, a, w2, count, expertToTokens, expertToWeights, h2, tokens);
        Args.buffer("out", out, DType.BF16, tokens, dims.hidden());
        KernelLauncher.launch(
                function,
                grid,
                Grids.BLOCK_256,
                0,
                stream,
                a,
                w2,
                count,
                expertToTokens,
                expertToWeights,
                h2,
                out,
                slots,
                dims.tableExperts(),
                dims.slotsPerToken());
    }

    /** grouped_gemm2's work and moe_sum_reduce's sums and writes (h2 is written but not read back). */
    public static Work work(ModelDims dims, int tokens, int touchedExperts) {
        Work gemm = GroupedGemm2Kernel.work(dims, tokens, touchedExperts);
        Work sum = MoeSumReduceKernel.work(dims, tokens);
        return new Work(gemm.bytesRead(), gemm.bytesWritten() + sum.bytesWritten(), gemm.flops() + sum.flops());
    }
}
