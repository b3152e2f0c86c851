package org.fusescope.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;

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
    public static List<Op> launches(Set<Fusion> switches) {
        List<Op> plan = new ArrayList<>();
        MoeBlockPlan.addResidualAndNorm(switches, plan);
        plan.add(Op.IN_PROJ_GEMM);
        if (switches.contains(Fusion.CONV_PACK_GDN)) {
            plan.add(Op.CONV_PACK_GDN);
        } else {
            plan.add(Op.CAUSAL_CONV1D_UPDATE);
            plan.add(Op.GDN_SPLIT);
        }
        plan.add(Op.GATED_DELTA_RULE);
        plan.add(Op.GATED_RMSNORM);
        plan.add(Op.GDN_OUT_PROJ_GEMM);
        return List.copyOf(plan);
    }
}
