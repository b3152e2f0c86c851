package org.fusescope.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusescope.profiler.ops.Fusion;

/**
 * Which launches a gated-delta-net (linear attention) layer's mixer makes, in order, for a set of
 * fusion switches (docs/kernels.md, "Gated-delta-net layer, decode"); its MoE block follows ({@link
 * MoeBlockPlan}). Stateless and thread-safe.
 */
public final class LinearAttentionPlan {
    private LinearAttentionPlan() {}

    /**
     * The mixer's launches: residual add + input RMSNorm, the one input projection GEMM to q, k, v, z, b,
     * a, the causal conv update and the copies that make q, k, v, z, b, a contiguous (one {@code
     * conv_pack_gdn} under that switch), the recurrent gated delta rule, the gated RMSNorm and the
     * output projection GEMM.
     */
    public static List<Launch> launches(Set<Fusion> switches) {
        List<Launch> plan = new ArrayList<>();
        MoeBlockPlan.addResidualAndNorm(switches, plan);
        plan.add(Launch.cublas("in_proj_gemm", "in_proj_gemm"));
        if (switches.contains(Fusion.CONV_PACK_GDN)) {
            plan.add(Launch.fusedKernel("conv_pack_gdn", "conv_pack_gdn"));
        } else {
            plan.add(Launch.kernel("causal_conv1d_update", "conv_pack_gdn"));
            plan.add(Launch.kernel("gdn_split", "conv_pack_gdn"));
        }
        plan.add(Launch.kernel("gated_delta_rule", "gated_delta_rule"));
        plan.add(Launch.kernel("gated_rmsnorm", "gated_rmsnorm"));
        plan.add(Launch.cublas("gdn_out_proj_gemm", "gdn_out_proj_gemm"));
        return List.copyOf(plan);
    }
}
