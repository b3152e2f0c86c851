package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.ops.AddKernel;
import org.fusescope.kernels.ops.AddSharedExpertGateKernel;
import org.fusescope.kernels.ops.AppendSharedExpertKernel;
import org.fusescope.kernels.ops.FusedAddRmsNormKernel;
import org.fusescope.kernels.ops.GroupedGemm1Kernel;
import org.fusescope.kernels.ops.GroupedGemm1SiluKernel;
import org.fusescope.kernels.ops.GroupedGemm2Kernel;
import org.fusescope.kernels.ops.GroupedGemm2SumKernel;
import org.fusescope.kernels.ops.KernelLibrary;
import org.fusescope.kernels.ops.MoeAlignFusedKernel;
import org.fusescope.kernels.ops.MoeAlignKernel;
import org.fusescope.kernels.ops.MoeSumReduceKernel;
import org.fusescope.kernels.ops.MulKernel;
import org.fusescope.kernels.ops.ResidualAddKernel;
import org.fusescope.kernels.ops.RmsNormKernel;
import org.fusescope.kernels.ops.RouterGemvKernel;
import org.fusescope.kernels.ops.SharedRowLayout;
import org.fusescope.kernels.ops.SigmoidKernel;
import org.fusescope.kernels.ops.SiluAndMulKernel;
import org.fusescope.kernels.ops.TopkSoftmaxKernel;
import org.fusescope.kernels.shape.ModelDims;

/**
 * Every kernel the MoE block may launch, compiled for one model's sizes (the shared expert's
 * silu_and_mul for its own intermediate size), plus the cuBLAS handle. Compiling is lazy per
 * module in the {@link KernelLibrary}; building this compiles all of them once, but the opt-in kernels
 * ({@link #routerGemv}, {@link #topkSoftmaxWide}, {@link
 * #moeAlignSharedCounts}) only when a run first asks for them. Not thread-safe.
 */
final class BlockKernels {
    final Blas blas;
    final ResidualAddKernel residualAdd;
    final RmsNormKernel rmsNorm;
    final FusedAddRmsNormKernel fusedAddRmsNorm;
    final TopkSoftmaxKernel topkSoftmax;
    final AppendSharedExpertKernel appendSharedExpert;
    final MoeAlignKernel moeAlign;
    final MoeAlignFusedKernel moeAlignFused;
    final GroupedGemm1Kernel groupedGemm1;
    final SiluAndMulKernel siluAndMul;
    final GroupedGemm2Kernel groupedGemm2;
    final MoeSumReduceKernel moeSumReduce;
    final SiluAndMulKernel sharedSiluAndMul;
    final SigmoidKernel sigmoid;
    final MulKernel mul;
    final AddKernel add;
    final AddSharedExpertGateKernel addSharedExpertGate;
    private final KernelLibrary lib;
    private final ModelDims dims;
    private RouterGemvKernel routerGemv;
    private GroupedGemm1SiluKernel groupedGemm1Silu;
    private GroupedGemm2SumKernel groupedGemm2Sum;
    private TopkSoftmaxKernel topkSoftmaxWide;
    private MoeAlignFusedKernel moeAlignSharedCounts;

    /**
     * @param d the sizes with K' of the variant ({@code d.sharedAsExpert()})
     * @param sharedInter SI, the shared expert's intermediate size
     */
    BlockKernels(KernelLibrary lib, Blas blas, ModelDims d, int sharedInter) {
        this.blas = blas;
        residualAdd = new ResidualAddKernel(lib, d);
        rmsNorm = new RmsNormKernel(lib, d);
        fusedAddRmsNorm = new FusedAddRmsNormKernel(lib, d);
        topkSoftmax = new TopkSoftmaxKernel(lib, d);
        appendSharedExpert = new AppendSharedExpertKernel(lib, d);
        moeAlign = new MoeAlignKernel(lib, d);
        moeAlignFused = new MoeAlignFusedKernel(lib, d);
        groupedGemm1 = new GroupedGemm1Kernel(lib, d);
        siluAndMul = new SiluAndMulKernel(lib, d);
        groupedGemm2 = new GroupedGemm2Kernel(lib, d);
        moeSumReduce = new MoeSumReduceKernel(lib, d);
        ModelDims shared = new ModelDims(d.hidden(), d.experts(), d.topK(), sharedInter, false);
        sharedSiluAndMul = new SiluAndMulKernel(lib, shared);
        sigmoid = new SigmoidKernel(lib, d);
        mul = new MulKernel(lib, d);
        add = new AddKernel(lib, d);
        addSharedExpertGate = new AddSharedExpertGateKernel(lib, d);
        this.lib = lib;
        this.dims = d;
    }

    /** Whether the device runs programmatic dependent launches (sm_90 and later; switch pdl). */
    boolean programmaticLaunchesSupported() {
        return lib.context().smArchitecture() >= 90;
    }

    /** router_gemv (switch router_gemv), compiled on first use. */
    RouterGemvKernel routerGemv() {
        if (routerGemv == null) {
            routerGemv = new RouterGemvKernel(lib, dims);
        }
        return routerGemv;
    }

    /** grouped_gemm1_silu (switch gemm1_silu), compiled on first use. */
    GroupedGemm1SiluKernel groupedGemm1Silu() {
        if (groupedGemm1Silu == null) {
            groupedGemm1Silu = new GroupedGemm1SiluKernel(lib, dims);
        }
        return groupedGemm1Silu;
    }

    /** grouped_gemm2_sum (switch gemm2_sum), compiled on first use. */
    GroupedGemm2SumKernel groupedGemm2Sum() {
        if (groupedGemm2Sum == null) {
            groupedGemm2Sum = new GroupedGemm2SumKernel(lib, dims);
        }
        return groupedGemm2Sum;
    }

    /** topk_softmax with the block-per-row shared kernel (switch topk_wide), compiled on first use. */
    TopkSoftmaxKernel topkSoftmaxWide() {
        if (topkSoftmaxWide == null) {
            topkSoftmaxWide = new TopkSoftmaxKernel(lib, dims, SharedRowLayout.BLOCK_PER_ROW);
        }
        return topkSoftmaxWide;
    }

    /** moe_align_fused with shared-memory counts (switch align_shared_counts), made on first use. */
    MoeAlignFusedKernel moeAlignSharedCounts() {
        if (moeAlignSharedCounts == null) {
            moeAlignSharedCounts = MoeAlignFusedKernel.withSharedCounts(lib, dims);
        }
        return moeAlignSharedCounts;
    }
}
