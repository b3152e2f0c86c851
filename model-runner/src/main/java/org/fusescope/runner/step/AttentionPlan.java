package org.fusescope.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusescope.profiler.ops.Fusion;

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
    public static List<Launch> launches(Set<Fusion> switches, DecodeContext context) {
        List<Launch> plan = new ArrayList<>();
        MoeBlockPlan.addResidualAndNorm(switches, plan);
        if (switches.contains(Fusion.QKVO_GEMM)) {
            plan.add(Launch.fusedCublas("qkv_proj_gemm", "qkvo_gemm"));
        } else {
            plan.add(Launch.cublas("q_proj_gemm", "qkvo_gemm"));
            plan.add(Launch.cublas("k_proj_gemm", "qkvo_gemm"));
            plan.add(Launch.cublas("v_proj_gemm", "qkvo_gemm"));
        }
        plan.add(Launch.kernel("qk_rmsnorm", "qk_rmsnorm"));
        plan.add(Launch.kernel("rotary_partial", "rotary_partial"));
        plan.add(Launch.kernel("kv_append", "kv_append"));
        plan.add(Launch.kernel("decode_attention", "decode_attention"));
        if (context.isSplit()) {
            plan.add(Launch.kernel("decode_attention_combine", "decode_attention"));
        }
        if (switches.contains(Fusion.SIGMOID_MUL)) {
            plan.add(Launch.fusedKernel("sigmoid_mul", "sigmoid_mul"));
        } else {
            plan.add(Launch.kernel("sigmoid", "sigmoid_mul"));
            plan.add(Launch.kernel("mul", "sigmoid_mul"));
        }
        plan.add(Launch.cublas("o_proj_gemm", "o_proj_gemm"));
        return List.copyOf(plan);
    }
}
