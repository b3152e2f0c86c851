package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The unfused MoE step 5: a memset of the counts, then {@code moe_align.cu}, both on the same
 * stream. Builds per-expert slot tables over {@code dims.tableExperts()} experts with K' =
 * {@code dims.slotsPerToken()}. Immutable; launch from the thread that has the context current.
 */
public final class MoeAlignKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public MoeAlignKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("moe_align", dims);
        this.dims = dims;
    }

    /**
     * Enqueues {@code cuMemsetD8Async(count, 0)} and the align kernel (block 256, one thread per slot).
     * Entries of an expert's row come in atomic order (undefined).
     *
     * @param ids {@code [tokens, K']} int32, expert of each slot {@code s = t*K' + k}
     * @param weights {@code [tokens, K']} fp32, routing weight of each slot
     * @param count {@code [E']} int32, written: slots per expert
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
        count.fillAsync((byte) 0, stream);
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

    /** The kernel's work (the memset's {@code 4 * E'} bytes are counted as written once more). */
    public static Work work(ModelDims dims, int tokens) {
        return AlignTables.work(dims, tokens).plus(new Work(0, 4L * dims.tableExperts(), 0));
    }
}
