package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.ModelDims;

/**
 * <b>BROKEN ON PURPOSE — FOR DEMONSTRATIONS ONLY, NEVER FOR RESULTS.</b> {@code
 * moe_align_fused_nobarrier.cu} is {@link MoeAlignFusedKernel} without the {@code __syncthreads}
 * between zeroing the counts and the atomics: a warp's increment can land before another warp's
 * zero store and be lost, so {@code sum(count) < tokens * K'} and slots go missing from the tables
 * (the race of the seed review of LightLLM PR #1353). Whether a launch loses counts depends on warp
 * scheduling. It exists only to show that the runner's invariant checks catch the race, so it has
 * no public constructor: get one through {@link #unsafeForDemonstration}. Immutable.
 */
public final class MoeAlignFusedNoBarrierKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    private MoeAlignFusedNoBarrierKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("moe_align_fused_nobarrier", dims);
        this.dims = dims;
    }

    /**
     * The racy kernel. <b>Its tables may be wrong on any launch</b>; use it only to demonstrate the
     * race and its detection.
     */
    public static MoeAlignFusedNoBarrierKernel unsafeForDemonstration(KernelLibrary lib, ModelDims dims) {
        return new MoeAlignFusedNoBarrierKernel(lib, dims);
    }

    /**
     * Enqueues one launch, grid 1 × block 1024 (the block strides over all slots), arguments as
     * {@link MoeAlignKernel#launch}. The counts it leaves may be wrong.
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
                Dim.of(1),
                Dim.of(1024),
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

    /** As {@link MoeAlignFusedKernel#work}. */
    public static Work work(ModelDims dims, int tokens) {
        return MoeAlignFusedKernel.work(dims, tokens);
    }
}
