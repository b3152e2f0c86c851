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
 * {@code grouped_gemm2_sum_kernel} in {@code grouped_gemm2.cu} (switch {@code gemm2_sum}): grouped_gemm2 on CUDA
 * cores and moe_sum_reduce in one launch, the bits of {@link GroupedGemm2Kernel} on CUDA cores followed by
 * {@link MoeSumReduceKernel}. h2 stays the per-slot scratch; the last warp item of each group of output rows
 * (a counter per group, in a buffer the caller owns: {@link #counters}) sums those rows over every token's K'
 * slots. Immutable; launch from the thread that has the context current.
 */
public final class GroupedGemm2SumKernel {
    private final CudaFunction function;
    private final ModelDims dims;
    private final Dim grid;

    public GroupedGemm2SumKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("grouped_gemm2", "grouped_gemm2_sum_kernel", dims);
        this.dims = dims;
        this.grid = Dim.of(2 * lib.multiprocessors());
    }

    /**
     * A zeroed buffer of row-group counters for the launches of one stream (launches sharing it must not
     * overlap; each leaves it zero).
     */
    public static DeviceBuffer counters(ModelDims dims) {
        DeviceBuffer done = DeviceBuffer.allocate("grouped_gemm2_sum row-group counters", DType.I32, rowGroups(dims));
        done.fill((byte) 0);
        return done;
    }

    /**
     * Output rows per warp item of the CUDA-core grouped_gemm2 ({@code fs_gg_rows_per_item} of I in
     * grouped_gemm_rows.cuh): 8 uint4 of weights per lane.
     */
    static int rowsPerItem(int reduction) {
        int chunks = (reduction / 8 + 31) / 32;
        return Math.max(1, 8 / chunks);
    }

    /** Groups of output rows, one counter each. */
    static int rowGroups(ModelDims dims) {
        return dims.hidden() / rowsPerItem(dims.inter());
    }

    /**
     * Enqueues the kernel: grid 2 × SMs, block 256.
     *
     * @param a {@code [tokens*K', I]} bf16
     * @param w2 {@code [n, H, I]} bf16 with {@code n} = {@code dims.tableExperts()} or E + 1
     * @param count {@code [E']} int32, from an align
     * @param expertToTokens {@code [E', tokens*K']} int32
     * @param expertToWeights {@code [E', tokens*K']} fp32
     * @param h2 {@code [tokens*K', H]} bf16 scratch, written for every listed slot
     * @param out {@code [tokens, H]} bf16, every token's sum over its K' slots
     * @param done the row-group counters ({@link #counters}), zero before the launch and after it
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
            DeviceBuffer done,
            int tokens) {
        int slots = GroupedGemm2Kernel.checkInputs(dims, a, w2, count, expertToTokens, expertToWeights, h2, tokens);
        Args.buffer("out", out, DType.BF16, tokens, dims.hidden());
        Args.buffer("done", done, DType.I32, rowGroups(dims));
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
                done,
                slots,
                dims.tableExperts(),
                dims.slotsPerToken());
    }

    /** grouped_gemm2's and moe_sum_reduce's work together (h2 is written, then read back from L2). */
    public static Work work(ModelDims dims, int tokens, int touchedExperts) {
        return GroupedGemm2Kernel.work(dims, tokens, touchedExperts).plus(MoeSumReduceKernel.work(dims, tokens));
    }
}
