package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code moe_align_fused.cu} (fusion {@code moe_align_fused}): when one block covers all slots
 * ({@code tokens * K' <= }{@value #SINGLE_BLOCK_MAX_SLOTS}) a single 1024-thread block zeroes the
 * counts itself, barrier, then the atomics: no memset. Above that the counts are zeroed by a memset
 * on the same stream and the kernel runs multi-block. Immutable; launch from the thread that has
 * the context current.
 */
public final class MoeAlignFusedKernel {
    /** The most slots the single-block (memset-free) path takes. */
    public static final int SINGLE_BLOCK_MAX_SLOTS = AlignTables.SINGLE_BLOCK_MAX_SLOTS;

    private final CudaFunction function;
    private final ModelDims dims;

    public MoeAlignFusedKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("moe_align_fused", dims);
        this.dims = dims;
    }

    /** Same arguments and results as {@link MoeAlignKernel#launch}. */
    public void launch(
            CudaStream stream,
            DeviceBuffer ids,
            DeviceBuffer weights,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer expertToWeights,
            int tokens) {
        int slots = AlignTables.check(dims, tokens, ids, weights, count, expertToTokens, expertToWeights);
        boolean single = singleBlock(slots);
        if (!single) {
            count.fillAsync((byte) 0, stream); // a __syncthreads cannot order other blocks
        }
        KernelLauncher.launch(
                function,
                single ? Dim.of(1) : Grids.perItem(slots),
                single ? Dim.of(1024) : Grids.BLOCK_256,
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

    /** Whether {@code slots} take the single-block path (no memset). */
    public static boolean singleBlock(long slots) {
        return slots <= SINGLE_BLOCK_MAX_SLOTS;
    }

    /** As {@link MoeAlignKernel#work}: the counts are zeroed either way (by the block or a memset). */
    public static Work work(ModelDims dims, int tokens) {
        return MoeAlignKernel.work(dims, tokens);
    }
}
