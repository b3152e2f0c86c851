package org.fusescope.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusescope.profiler.ops.Fusion;

/**
 * Which launches the MoE block makes, in order, for a set of fusion switches (docs/kernels.md, "MoE
 * block, unfused baseline" and "The fusions"). Stateless and thread-safe.
 */
public final class MoeBlockPlan {
    private MoeBlockPlan() {}

    /** The launches of one MoE block. */
    public static List<Launch> launches(Set<Fusion> switches) {
        boolean sharedAsExpert = switches.contains(Fusion.SHARED_AS_EXPERT);
        List<Launch> plan = new ArrayList<>();
        addResidualAndNorm(switches, plan);
        if (sharedAsExpert && switches.contains(Fusion.ROUTER_GATE)) {
            plan.add(Launch.fusedCublas("router_gate_gemm", "router_gate"));
            plan.add(Launch.fusedKernel("topk_softmax_shared", "topk_softmax"));
        } else {
            plan.add(Launch.cublas("router_gemm", "router_gate"));
            if (sharedAsExpert) {
                // the gate's sigmoid becomes the shared expert's routing weight, so it is needed first
                plan.add(Launch.cublas("gate_gemv", "router_gate"));
            }
            plan.add(Launch.kernel("topk_softmax", "topk_softmax"));
            if (sharedAsExpert) {
                plan.add(Launch.fusedKernel("append_shared_expert", "shared_expert"));
            }
        }
        if (switches.contains(Fusion.MOE_ALIGN_FUSED)) {
            plan.add(Launch.fusedKernel("moe_align_fused", "moe_align"));
        } else {
            plan.add(new Launch("memset_expert_token_num", "moe_align", false, Launch.Kind.MEMSET));
            plan.add(Launch.kernel("moe_align", "moe_align"));
        }
        plan.add(Launch.kernel("grouped_gemm1", "grouped_gemm1"));
        plan.add(Launch.kernel("silu_and_mul", "silu_and_mul"));
        plan.add(Launch.kernel("grouped_gemm2", "grouped_gemm2"));
        plan.add(Launch.kernel("moe_sum_reduce", "moe_sum_reduce"));
        if (!sharedAsExpert) {
            plan.add(Launch.cublas("shared_expert_gemm_up", "shared_expert"));
            plan.add(Launch.kernel("shared_silu_and_mul", "shared_expert"));
            plan.add(Launch.cublas("shared_expert_gemm_down", "shared_expert"));
            plan.add(Launch.cublas("gate_gemv", "router_gate"));
            if (switches.contains(Fusion.SHARED_GATE)) {
                plan.add(Launch.fusedKernel("add_shared_expert_gate", "shared_gate"));
            } else {
                plan.add(Launch.kernel("sigmoid", "shared_gate"));
                plan.add(Launch.kernel("mul", "shared_gate"));
                plan.add(Launch.kernel("add", "shared_gate"));
            }
        }
        return List.copyOf(plan);
    }

    /**
     * The residual add of the previous sub-block's output and the next RMSNorm, as every sub-block of a
     * decoder layer (mixer or MoE) starts: two kernels, or one under {@code add_rmsnorm}.
     */
    static void addResidualAndNorm(Set<Fusion> switches, List<Launch> plan) {
        if (switches.contains(Fusion.ADD_RMSNORM)) {
            plan.add(Launch.fusedKernel("fused_add_rmsnorm", "add_rmsnorm"));
        } else {
            plan.add(Launch.kernel("residual_add", "add_rmsnorm"));
            plan.add(Launch.kernel("rmsnorm", "add_rmsnorm"));
        }
    }
}
