package org.fusescope.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;

/**
 * Which launches a gated full-attention layer's mixer makes, in order, for a set of fusion switches and
 * a decode context (docs/kernels.md, "Full (gated) attention layer, decode"); its MoE block follows ({@link
 * MoeBlockPlan}). Stateless and thread-safe.
 */
public final class AttentionPlan {
    private AttentionPlan() {}

    /**
     * The mixer's launches: residual add + input RMSNorm, the q(+gate), k and v projection GEMMs (one
     * {@code qkv_proj_gemm} under {@code qkvo_gemm}), q/k RMSNorm, partial rotary embedding, the KV
     * cache append, decode attention (and the combine of its partial results when the context is
     * split), the output gate ({@code sigmoid} + {@code mul}, or {@code sigmoid_mul}) and the output
     * projection GEMM.
     */
    public static List<Op> launches(Set<Fusion> switches, DecodeContext context) {
        List<Op> plan = new ArrayList<>();
        MoeBlockPlan.addResidualAndNorm(switches, plan);
        if (switches.contains(Fusion.QKVO_GEMM)) {
            plan.add(Op.QKV_PROJ_GEMM);
        } else {
            plan.add(Op.Q_PROJ_GEMM);
            plan.add(Op.K_PROJ_GEMM);
            plan.add(Op.V_PROJ_GEMM);
        }
        plan.add(Op.QK_RMSNORM);
        plan.add(Op.ROTARY_PARTIAL);
        plan.add(Op.KV_APPEND);
        plan.add(Op.DECODE_ATTENTION);
        if (context.isSplit()) {
            plan.add(Op.DECODE_ATTENTION_COMBINE);
        }
        if (switches.contains(Fusion.SIGMOID_MUL)) {
            plan.add(Op.SIGMOID_MUL);
        } else {
            plan.add(Op.ATTENTION_GATE_SIGMOID);
            plan.add(Op.ATTENTION_GATE_MUL);
        }
        plan.add(Op.O_PROJ_GEMM);
        return List.copyOf(plan);
    }
}
