package org.fusescope.runner.step;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.ops.AddKernel;
import org.fusescope.kernels.ops.AddSharedExpertGateKernel;
import org.fusescope.kernels.ops.AppendSharedExpertKernel;
import org.fusescope.kernels.ops.DenseBenchCases;
import org.fusescope.kernels.ops.FusedAddRmsNormKernel;
import org.fusescope.kernels.ops.GroupedGemm1Kernel;
import org.fusescope.kernels.ops.GroupedGemm1SiluKernel;
import org.fusescope.kernels.ops.GroupedGemm2Kernel;
import org.fusescope.kernels.ops.GroupedGemm2SumKernel;
import org.fusescope.kernels.ops.MoeAlignFusedKernel;
import org.fusescope.kernels.ops.MoeAlignKernel;
import org.fusescope.kernels.ops.MoeSumReduceKernel;
import org.fusescope.kernels.ops.MulKernel;
import org.fusescope.kernels.ops.ResidualAddKernel;
import org.fusescope.kernels.ops.RmsNormKernel;
import org.fusescope.kernels.ops.RouterGemvKernel;
import org.fusescope.kernels.ops.SigmoidKernel;
import org.fusescope.kernels.ops.SiluAndMulKernel;
import org.fusescope.kernels.ops.TopkSoftmaxKernel;
import org.fusescope.kernels.ops.Work;
import org.fusescope.kernels.shape.ModelDims;
import org.fusescope.profiler.ops.Op;

/**
 * The work model of every op of the catalog: the bytes and FLOPs each launch must move (inputs read once,
 * outputs written once): the MoE block's from the kernels' own work models, at the step's batch and the
 * experts its routing touched; the mixers' from {@link MixerOpWork}. The switch has no default, so an op
 * added to the catalog without a work model does not compile. Stateless.
 */
public final class OpWork {
    private OpWork() {}

    /**
     * @param touchedExperts experts the layer's tables list at least one slot for (grouped GEMMs only)
     */
    public static Work of(Op launch, StepSpec spec, int touchedExperts) {
        ModelDims d = spec.dims();
        int m = spec.batch();
        int h = d.hidden();
        int si = spec.config().sharedInter();
        return switch (launch) {
            case RESIDUAL_ADD -> ResidualAddKernel.work(d, m);
            case RMSNORM -> RmsNormKernel.work(d, m);
            case FUSED_ADD_RMSNORM -> FusedAddRmsNormKernel.work(d, m);
            case ROUTER_GEMM -> DenseBenchCases.work(m, d.experts(), h, DType.F32);
            case GATE_GEMV -> DenseBenchCases.work(m, 1, h, DType.BF16);
            case ROUTER_GATE_GEMM -> DenseBenchCases.work(m, TopkSoftmaxKernel.routerGateRows(d), h, DType.F32);
            case ROUTER_GATE_GEMV -> RouterGemvKernel.work(m, TopkSoftmaxKernel.routerGateRows(d), h);
            case TOPK_SOFTMAX -> TopkSoftmaxKernel.work(d, m, DType.F32);
            case TOPK_SOFTMAX_SHARED, TOPK_SOFTMAX_SHARED_WIDE -> TopkSoftmaxKernel.work(d, m, DType.F32, true);
            case APPEND_SHARED_EXPERT -> AppendSharedExpertKernel.work(d, m, DType.BF16);
            case MEMSET_EXPERT_TOKEN_NUM -> new Work(0, 4L * d.tableExperts(), 0);
            case MOE_ALIGN -> MoeAlignKernel.work(d, m);
            case MOE_ALIGN_FUSED, MOE_ALIGN_SHARED_COUNTS -> MoeAlignFusedKernel.work(d, m);
            case GROUPED_GEMM1 -> GroupedGemm1Kernel.work(d, m, touchedExperts);
            case GROUPED_GEMM1_SILU -> GroupedGemm1SiluKernel.work(d, m, touchedExperts);
            case SILU_AND_MUL -> SiluAndMulKernel.work(d, spec.slots());
            case GROUPED_GEMM2 -> GroupedGemm2Kernel.work(d, m, touchedExperts);
            case GROUPED_GEMM2_SUM -> GroupedGemm2SumKernel.work(d, m, touchedExperts);
            case MOE_SUM_REDUCE -> MoeSumReduceKernel.work(d, m);
            case SHARED_EXPERT_GEMM_UP -> DenseBenchCases.work(m, 2 * si, h, DType.BF16);
            case SHARED_SILU_AND_MUL -> SiluAndMulKernel.work(new ModelDims(h, d.experts(), d.topK(), si, false), m);
            case SHARED_EXPERT_GEMM_DOWN -> DenseBenchCases.work(m, h, si, DType.BF16);
            case SHARED_GATE_SIGMOID -> SigmoidKernel.work(m, 1);
            case SHARED_GATE_MUL -> MulKernel.work(m, h, 1);
            case SHARED_GATE_ADD -> AddKernel.work(m, h, h);
            case ADD_SHARED_EXPERT_GATE -> AddSharedExpertGateKernel.work(m, h, 1);
            case IN_PROJ_GEMM,
                    CAUSAL_CONV1D_UPDATE,
                    GDN_SPLIT,
                    CONV_PACK_GDN,
                    GATED_DELTA_RULE,
                    GATED_RMSNORM,
                    GDN_OUT_PROJ_GEMM,
                    Q_PROJ_GEMM,
                    K_PROJ_GEMM,
                    V_PROJ_GEMM,
                    QKV_PROJ_GEMM,
                    QK_RMSNORM,
                    ROTARY_PARTIAL,
                    KV_APPEND,
                    DECODE_ATTENTION,
                    DECODE_ATTENTION_COMBINE,
                    ATTENTION_GATE_SIGMOID,
                    ATTENTION_GATE_MUL,
                    SIGMOID_MUL,
                    O_PROJ_GEMM -> MixerOpWork.of(launch, spec);
        };
    }
}
