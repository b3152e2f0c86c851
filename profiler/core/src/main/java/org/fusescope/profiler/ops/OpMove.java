package org.fusescope.profiler.ops;

import static org.fusescope.profiler.ops.Fusion.ROUTER_GATE;
import static org.fusescope.profiler.ops.Fusion.SHARED_AS_EXPERT;

/**
 * Where a fusion moves an op's work when the op itself is no longer launched and its fusion group may
 * vanish from the fused run: under {@code shared_as_expert} the shared expert's GEMMs and activation
 * become expert E of the grouped GEMMs and {@code silu_and_mul}, and its gate becomes the routing weight
 * that {@code moe_sum_reduce} applies; under {@code router_gate} the shared slot is appended by {@code
 * topk_softmax_shared} (or, under {@code topk_wide}, {@code topk_softmax_shared_wide}). Fusions that keep
 * the group (a fused kernel in the same group) need no entry. The comparison reads these to say where a
 * removed group's work went.
 */
public enum OpMove {
    SHARED_UP_INTO_GROUPED_GEMM1(Op.SHARED_EXPERT_GEMM_UP, Op.GROUPED_GEMM1, SHARED_AS_EXPERT),
    SHARED_ACTIVATION_INTO_SILU_AND_MUL(Op.SHARED_SILU_AND_MUL, Op.SILU_AND_MUL, SHARED_AS_EXPERT),
    SHARED_DOWN_INTO_GROUPED_GEMM2(Op.SHARED_EXPERT_GEMM_DOWN, Op.GROUPED_GEMM2, SHARED_AS_EXPERT),
    SHARED_GATE_SIGMOID_INTO_APPEND(Op.SHARED_GATE_SIGMOID, Op.APPEND_SHARED_EXPERT, SHARED_AS_EXPERT),
    SHARED_GATE_SIGMOID_INTO_TOPK(Op.SHARED_GATE_SIGMOID, Op.TOPK_SOFTMAX_SHARED, ROUTER_GATE),
    SHARED_GATE_SIGMOID_INTO_WIDE_TOPK(Op.SHARED_GATE_SIGMOID, Op.TOPK_SOFTMAX_SHARED_WIDE, ROUTER_GATE),
    SHARED_GATE_MUL_INTO_REDUCE(Op.SHARED_GATE_MUL, Op.MOE_SUM_REDUCE, SHARED_AS_EXPERT),
    SHARED_GATE_ADD_INTO_REDUCE(Op.SHARED_GATE_ADD, Op.MOE_SUM_REDUCE, SHARED_AS_EXPERT),
    FUSED_SHARED_GATE_INTO_REDUCE(Op.ADD_SHARED_EXPERT_GATE, Op.MOE_SUM_REDUCE, SHARED_AS_EXPERT),
    APPEND_SHARED_INTO_TOPK(Op.APPEND_SHARED_EXPERT, Op.TOPK_SOFTMAX_SHARED, ROUTER_GATE),
    APPEND_SHARED_INTO_WIDE_TOPK(Op.APPEND_SHARED_EXPERT, Op.TOPK_SOFTMAX_SHARED_WIDE, ROUTER_GATE);

    private final Op from;
    private final Op into;
    private final Fusion by;

    OpMove(Op from, Op into, Fusion by) {
        this.from = from;
        this.into = into;
        this.by = by;
    }

    /** The op that is no longer launched. */
    public Op from() {
        return from;
    }

    /** The op that does its work instead. */
    public Op into() {
        return into;
    }

    /** The switch that moves it. */
    public Fusion by() {
        return by;
    }
}
