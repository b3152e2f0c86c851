package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The unfused MoE step 5: {@code zero_counts_kernel} clears the counts ({@link #zeroCounts}), then {@code
 * moe_align_kernel} builds the per-expert slot tables ({@link #launch}) over {@code dims.tableExperts()}
 * experts with K' = {@code dims.slotsPerToken()}; both of {@code moe_align.cu}, on the same stream. Immutable;
 * launch from the thread that has the context current.
 */
public final class MoeAlignKernel {
    private final CudaFunction function;
    private final CudaFunction zero;
    private final ModelDims dims;

    public MoeAlignKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("moe_align", dims);
        this.zero = lib.function("moe_align", "zero_counts_kernel", dims);
        this.dims = dims;
    }

    /**
     * Enqueues {@code zero_counts_kernel}: {@code count[e] = 0} for every expert of the tables.
     *
     * @param count {@code [E']} int32, written
     */
    public void zeroCounts(CudaStream stream, DeviceBuffer count) {
        int experts = dims.tableExperts();
        Args.buffer("count", count, DType.I32, experts);
        KernelLauncher.launch(zero, Grids.perItem(experts), Grids.BLOCK_256, 0, stream, count, experts);
    }

    /**
     * Enqueues the align kernel (block 256, one thread per slot) on counts already zero ({@link #zeroCounts}
     * first). Entries of an expert's row come in atomic order (undefined).
     *
     * @param ids {@code [tokens, K']} int32, expert of each slot {@code s = t*K' + k}
     * @param weights {@code [tokens, K']} fp32, routing weight of each slot
     * @param count {@code [E']} int32, zero on entry, written: slots per expert
     * @param expertToTokens {@code [E', tokens*K']} int32, written up to {@code count[e]} per row
     * @param expertToWeights {@code [E', tokens*K']} fp32, written like {@code expertToTokens}
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer ids,
            DeviceBuffer weights,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer expertToWeights,
            int tokens) {
        int slots = AlignTables.check(dims, tokens, ids, weights, count, expertToTokens, expertToWeights);
        KernelLauncher.launch(
                function,
                Grids.perItem(slots),
                Grids.BLOCK_256,
                0,
                stream,
                ids,
                weights,
                count,
                expertToTokens,
                expertToWeights,
                slots,
                dims.tableExperts());
    }

    /** The step's work (the zeroing's {@code 4 * E'} bytes are counted as written once more). */
    public static Work work(ModelDims dims, int tokens) {
        return AlignTables.work(dims, tokens).plus(new Work(0, 4L * dims.tableExperts(), 0));
    }
}
