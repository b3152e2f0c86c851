package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code moe_align_fused.cu} (fusion {@code moe_align_fused}): when one block covers all slots
 * ({@code tokens * K' <= }{@value #SINGLE_BLOCK_MAX_SLOTS}) a single 1024-thread block zeroes the
 * counts itself, barrier, then the atomics: one kernel. Above that {@code moe_align_zero_counts_kernel}
 * zeroes the counts on the same stream and the kernel runs multi-block. {@link #withSharedCounts} (switch {@code
 * align_shared_counts}) takes the single-block path with {@code moe_align_shared_counts_kernel}
 * instead: the counts in shared memory, the block sized to the slots. Immutable; launch from the
 * thread that has the context current.
 */
public final class MoeAlignFusedKernel {
    /** The most slots the single-block (one-kernel) path takes. */
    public static final int SINGLE_BLOCK_MAX_SLOTS = AlignTables.SINGLE_BLOCK_MAX_SLOTS;

    /** The most experts whose counts fit the shared memory of {@link #withSharedCounts} (48 KB). */
    static final int SHARED_COUNTS_MAX_EXPERTS = 12 * 1024;

    private final CudaFunction function;
    private final CudaFunction zero;
    private final CudaFunction sharedCounts;
    private final ModelDims dims;

    public MoeAlignFusedKernel(KernelLibrary lib, ModelDims dims) {
        this(lib, dims, false);
    }

    private MoeAlignFusedKernel(KernelLibrary lib, ModelDims dims, boolean sharedCounts) {
        Args.check(
                !sharedCounts || dims.tableExperts() <= SHARED_COUNTS_MAX_EXPERTS,
                "moe_align_shared_counts keeps at most " + SHARED_COUNTS_MAX_EXPERTS + " counts, not "
                        + dims.tableExperts());
        this.function = lib.function("moe_align_fused", dims);
        this.zero = lib.function("moe_align_fused", "moe_align_zero_counts_kernel", dims);
        this.sharedCounts =
                sharedCounts ? lib.function("moe_align_fused", "moe_align_shared_counts_kernel", dims) : null;
        this.dims = dims;
    }

    /**
     * The same launches, but the single-block path runs {@code moe_align_shared_counts_kernel}: counts
     * in shared memory, block {@link #sharedCountsBlock}; same arguments and tables.
     */
    public static MoeAlignFusedKernel withSharedCounts(KernelLibrary lib, ModelDims dims) {
        return new MoeAlignFusedKernel(lib, dims, true);
    }

    /** Same arguments and tables as {@link MoeAlignKernel#launch}, but the counts need not be zero on entry. */
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
        if (!single) { // a __syncthreads cannot order other blocks: zero the counts in a kernel of their own
            KernelLauncher.launch(
                    zero, Grids.perItem(dims.tableExperts()), Grids.BLOCK_256, 0, stream, count, dims.tableExperts());
        }
        boolean shared = single && sharedCounts != null;
        KernelLauncher.launch(
                shared ? sharedCounts : function,
                single ? Dim.of(1) : Grids.perItem(slots),
                shared ? sharedCountsBlock(slots) : single ? Dim.of(1024) : Grids.BLOCK_256,
                shared ? 4 * dims.tableExperts() : 0,
                stream,
                ids,
                weights,
                count,
                expertToTokens,
                expertToWeights,
                slots,
                dims.tableExperts());
    }

    /** {@code min(1024, max(256, 32 * ceil(slots / 32)))} threads: one slot each up to 1024 slots. */
    static Dim sharedCountsBlock(int slots) {
        return Dim.of(Math.min(1024, Math.max(256, (slots + 31) / 32 * 32)));
    }

    /** Whether {@code slots} take the single-block path (one kernel, no zeroing kernel before it). */
    public static boolean singleBlock(long slots) {
        return slots <= SINGLE_BLOCK_MAX_SLOTS;
    }

    /** As {@link MoeAlignKernel#work}: the counts are zeroed either way (by the block or a kernel before it). */
    public static Work work(ModelDims dims, int tokens) {
        return MoeAlignKernel.work(dims, tokens);
    }
}
