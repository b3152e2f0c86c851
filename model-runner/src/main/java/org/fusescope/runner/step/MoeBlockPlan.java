package org.fusescope.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fusescope.kernels.ops.GroupedGemm2SumKernel;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;

/**
 * Which launches the MoE block makes, in order, for a set of fusion switches and a batch size (docs/kernels.md,
 * "MoE block, unfused baseline" and "The fusions"). Stateless and thread-safe.
 */
public final class MoeBlockPlan {
    /** The largest batch at which router_gemv replaces the cuBLAS router GEMM (H100: 2.36 / 2.88 against 5.80 / 5.50 µs at M = 1 / 4; slower from M = 16). */
    public static final int ROUTER_GEMV_MAX_BATCH = 4;
    /**
     * The largest batch at which gemm1_silu and gemm2_sum run. On the H100 (2026-12-07, docs/kernels.md) they save
     * 1–2 µs each at M = 1 and 4 against the kernel pairs they replace, and lose at M = 16 (the gate and up rows
     * of grouped_gemm1_silu take one block per SM, whose warps stop streaming while they compute 16 slots).
     */
    public static final int SMALL_GEMM_MAX_BATCH = 4;

    private MoeBlockPlan() {}

    /** The launches of one MoE block at a batch above every small-batch kernel's limit. */
    public static List<Op> launches(Set<Fusion> switches) {
        return launches(switches, Integer.MAX_VALUE);
    }

    /**
     * The launches of one MoE block of {@code batch} tokens, for a model whose {@code batch × K'} slots fit every
     * small-batch kernel (Qwen3-Next's 11 slots per token do up to M = 4); see {@link #launches(Set, int, int)}.
     */
    public static List<Op> launches(Set<Fusion> switches, int batch) {
        return launches(switches, batch, 1);
    }

    /**
     * The launches of one MoE block of {@code batch} tokens with {@code slotsPerToken} (K') slots each:
     * grouped_gemm2_sum only where its {@value GroupedGemm2SumKernel#MAX_SLOTS} slots hold them.
     */
    public static List<Op> launches(Set<Fusion> switches, int batch, int slotsPerToken) {
        boolean small = batch <= SMALL_GEMM_MAX_BATCH;
        boolean sharedAsExpert = switches.contains(Fusion.SHARED_AS_EXPERT);
        List<Op> plan = new ArrayList<>();
        addResidualAndNorm(switches, plan);
        if (sharedAsExpert && switches.contains(Fusion.ROUTER_GATE)) {
            boolean gemv = switches.contains(Fusion.ROUTER_GEMV) && batch <= ROUTER_GEMV_MAX_BATCH;
            plan.add(gemv ? Op.ROUTER_GATE_GEMV : Op.ROUTER_GATE_GEMM);
            plan.add(switches.contains(Fusion.TOPK_WIDE) ? Op.TOPK_SOFTMAX_SHARED_WIDE : Op.TOPK_SOFTMAX_SHARED);
        } else {
            plan.add(Op.ROUTER_GEMM);
            if (sharedAsExpert) {
                // the gate's sigmoid becomes the shared expert's routing weight, so it is needed first
                plan.add(Op.GATE_GEMV);
            }
            plan.add(Op.TOPK_SOFTMAX);
            if (sharedAsExpert) {
                plan.add(Op.APPEND_SHARED_EXPERT);
            }
        }
        if (switches.contains(Fusion.MOE_ALIGN_FUSED)) {
            plan.add(switches.contains(Fusion.ALIGN_SHARED_COUNTS) ? Op.MOE_ALIGN_SHARED_COUNTS : Op.MOE_ALIGN_FUSED);
        } else {
            plan.add(Op.MEMSET_EXPERT_TOKEN_NUM);
            plan.add(Op.MOE_ALIGN);
        }
        if (small && switches.contains(Fusion.GEMM1_SILU)) {
            plan.add(Op.GROUPED_GEMM1_SILU);
        } else {
            plan.add(Op.GROUPED_GEMM1);
            plan.add(Op.SILU_AND_MUL);
        }
        if (small
                && switches.contains(Fusion.GEMM2_SUM)
                && (long) batch * slotsPerToken <= GroupedGemm2SumKernel.MAX_SLOTS) {
            plan.add(Op.GROUPED_GEMM2_SUM);
        } else {
            plan.add(Op.GROUPED_GEMM2);
            plan.add(Op.MOE_SUM_REDUCE);
        }
        if (!sharedAsExpert) {
            plan.add(Op.SHARED_EXPERT_GEMM_UP);
            plan.add(Op.SHARED_SILU_AND_MUL);
            plan.add(Op.SHARED_EXPERT_GEMM_DOWN);
            plan.add(Op.GATE_GEMV);
            if (switches.contains(Fusion.SHARED_GATE)) {
                plan.add(Op.ADD_SHARED_EXPERT_GATE);
            } else {
                plan.add(Op.SHARED_GATE_SIGMOID);
                plan.add(Op.SHARED_GATE_MUL);
                plan.add(Op.SHARED_GATE_ADD);
            }
        }
        return List.copyOf(plan);
    }

    /**
     * The residual add of the previous sub-block's output and the next RMSNorm, as every sub-block of a
     * decoder layer (mixer or MoE) starts: two kernels, or one under {@code add_rmsnorm}.
     */
    static void addResidualAndNorm(Set<Fusion> switches, List<Op> plan) {
        if (switches.contains(Fusion.ADD_RMSNORM)) {
            plan.add(Op.FUSED_ADD_RMSNORM);
        } else {
            plan.add(Op.RESIDUAL_ADD);
            plan.add(Op.RMSNORM);
        }
    }
}
