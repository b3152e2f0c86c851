package org.fusescope.runner.step;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.ops.AddKernel;
import org.fusescope.kernels.ops.AddSharedExpertGateKernel;
import org.fusescope.kernels.ops.AppendSharedExpertKernel;
import org.fusescope.kernels.ops.DenseBenchCases;
import org.fusescope.kernels.ops.FusedAddRmsNormKernel;
import org.fusescope.kernels.ops.GroupedGemm1Kernel;
import org.fusescope.kernels.ops.GroupedGemm2Kernel;
import org.fusescope.kernels.ops.MoeAlignFusedKernel;
import org.fusescope.kernels.ops.MoeAlignKernel;
import org.fusescope.kernels.ops.MoeSumReduceKernel;
import org.fusescope.kernels.ops.MulKernel;
import org.fusescope.kernels.ops.ResidualAddKernel;
import org.fusescope.kernels.ops.RmsNormKernel;
import org.fusescope.kernels.ops.SigmoidKernel;
import org.fusescope.kernels.ops.SiluAndMulKernel;
import org.fusescope.kernels.ops.TopkSoftmaxKernel;
import org.fusescope.kernels.ops.Work;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The bytes and FLOPs each launch of the plan must move (inputs read once, outputs written once): the
 * MoE block's from the kernels' own work models, at the step's batch and the experts its routing
 * touched; the mixers' from {@link MixerOpWork}. Stateless.
 */
public final class OpWork {
    private OpWork() {}

    /**
     * @param touchedExperts experts the layer's tables list at least one slot for (grouped GEMMs only)
     * @throws IllegalArgumentException for an op the plan does not have
     */
    public static Work of(Launch launch, StepSpec spec, int touchedExperts) {
        ModelDims d = spec.dims();
        int m = spec.batch();
        int h = d.hidden();
        int si = spec.config().sharedInter();
        return switch (launch.op()) {
            case "residual_add" -> ResidualAddKernel.work(d, m);
            case "rmsnorm" -> RmsNormKernel.work(d, m);
            case "fused_add_rmsnorm" -> FusedAddRmsNormKernel.work(d, m);
            case "router_gemm" -> DenseBenchCases.work(m, d.experts(), h, DType.F32);
            case "gate_gemv" -> DenseBenchCases.work(m, 1, h, DType.BF16);
            case "router_gate_gemm" -> DenseBenchCases.work(m, TopkSoftmaxKernel.routerGateRows(d), h, DType.F32);
            case "topk_softmax" -> TopkSoftmaxKernel.work(d, m, DType.F32);
            case "topk_softmax_shared" -> TopkSoftmaxKernel.work(d, m, DType.F32, true);
            case "append_shared_expert" -> AppendSharedExpertKernel.work(d, m, DType.BF16);
            case "memset_expert_token_num" -> new Work(0, 4L * d.tableExperts(), 0);
            case "moe_align" -> MoeAlignKernel.work(d, m);
            case "moe_align_fused" -> MoeAlignFusedKernel.work(d, m);
            case "grouped_gemm1" -> GroupedGemm1Kernel.work(d, m, touchedExperts);
            case "silu_and_mul" -> SiluAndMulKernel.work(d, spec.slots());
            case "grouped_gemm2" -> GroupedGemm2Kernel.work(d, m, touchedExperts);
            case "moe_sum_reduce" -> MoeSumReduceKernel.work(d, m);
            case "shared_expert_gemm_up" -> DenseBenchCases.work(m, 2 * si, h, DType.BF16);
            case "shared_silu_and_mul" -> SiluAndMulKernel.work(new ModelDims(h, d.experts(), d.topK(), si, false), m);
            case "shared_expert_gemm_down" -> DenseBenchCases.work(m, h, si, DType.BF16);
            case "sigmoid" -> isAttentionGate(launch) ? MixerOpWork.of(launch, spec) : SigmoidKernel.work(m, 1);
            case "mul" -> isAttentionGate(launch) ? MixerOpWork.of(launch, spec) : MulKernel.work(m, h, 1);
            case "add" -> AddKernel.work(m, h, h);
            case "add_shared_expert_gate" -> AddSharedExpertGateKernel.work(m, h, 1);
            default -> MixerOpWork.of(launch, spec);
        };
    }

    /** {@code sigmoid} and {@code mul} also gate the shared expert, on other shapes. */
    private static boolean isAttentionGate(Launch launch) {
        return launch.fusionGroup().equals("sigmoid_mul");
    }
}
