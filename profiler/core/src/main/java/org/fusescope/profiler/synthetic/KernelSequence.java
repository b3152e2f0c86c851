package org.fusescope.profiler.synthetic;

import java.util.List;

/**
 * The MoE block's ops in launch order (as in {@code docs/kernels.md}) and what each must move: bytes
 * read and written (inputs read once, outputs written once; bf16 activations and weights, fp32
 * logits and routing weights, int32 ids) and FLOPs.
 */
final class KernelSequence {
    private static final List<SyntheticKernel> UNFUSED = List.of(
            SyntheticKernel.RESIDUAL_ADD,
            SyntheticKernel.RMSNORM,
            SyntheticKernel.ROUTER_GEMM,
            SyntheticKernel.TOPK_SOFTMAX,
            SyntheticKernel.MOE_ALIGN,
            SyntheticKernel.GROUPED_GEMM1,
            SyntheticKernel.SILU_AND_MUL,
            SyntheticKernel.GROUPED_GEMM2,
            SyntheticKernel.MOE_SUM_REDUCE,
            SyntheticKernel.SHARED_GEMM_UP,
            SyntheticKernel.SHARED_SILU_AND_MUL,
            SyntheticKernel.SHARED_GEMM_DOWN,
            SyntheticKernel.GATE_GEMV,
            SyntheticKernel.SIGMOID,
            SyntheticKernel.MUL,
            SyntheticKernel.ADD);
    private static final List<SyntheticKernel> FUSED_SHARED_AS_EXPERT = List.of(
            SyntheticKernel.FUSED_ADD_RMSNORM,
            SyntheticKernel.ROUTER_GATE_GEMM,
            SyntheticKernel.TOPK_SOFTMAX_SHARED,
            SyntheticKernel.MOE_ALIGN_FUSED,
            SyntheticKernel.GROUPED_GEMM1,
            SyntheticKernel.SILU_AND_MUL,
            SyntheticKernel.GROUPED_GEMM2,
            SyntheticKernel.MOE_SUM_REDUCE);
    private static final List<SyntheticKernel> FUSED_SHARED_GATE = List.of(
            SyntheticKernel.FUSED_ADD_RMSNORM,
            SyntheticKernel.ROUTER_GEMM,
            SyntheticKernel.TOPK_SOFTMAX,
            SyntheticKernel.MOE_ALIGN_FUSED,
            SyntheticKernel.GROUPED_GEMM1,
            SyntheticKernel.SILU_AND_MUL,
            SyntheticKernel.GROUPED_GEMM2,
            SyntheticKernel.MOE_SUM_REDUCE,
            SyntheticKernel.SHARED_GEMM_UP,
            SyntheticKernel.SHARED_SILU_AND_MUL,
            SyntheticKernel.SHARED_GEMM_DOWN,
            SyntheticKernel.GATE_GEMV,
            SyntheticKernel.ADD_SHARED_EXPERT_GATE);

    private KernelSequence() {}

    /** The kernels of one MoE block in launch order. The unfused memset runs just before moe_align. */
    static List<SyntheticKernel> sequence(SyntheticSpec spec) {
        if (!spec.fused()) {
            return UNFUSED;
        }
        return spec.sharedAsExpert() ? FUSED_SHARED_AS_EXPERT : FUSED_SHARED_GATE;
    }

    /** The fusion switches on in this spec, in a stable order. */
    static List<String> fusions(SyntheticSpec spec) {
        if (!spec.fused()) {
            return List.of();
        }
        if (spec.sharedAsExpert()) {
            return List.of("add_rmsnorm", "shared_as_expert", "router_gate", "moe_align_fused");
        }
        return List.of("add_rmsnorm", "shared_gate", "moe_align_fused");
    }

    /**
     * Bytes read, bytes written and FLOPs of {@code op}, as {@code {read, written, flops}}.
     *
     * @param touched experts of the grouped GEMMs with at least one slot (the appended shared expert
     *     included); only the grouped GEMMs read weights per touched expert
     */
    static long[] cost(SyntheticKernel op, ModelShape s, int touched) {
        long mh = s.mh();
        long m = s.m();
        long h = s.h();
        long i = s.i();
        long slots = s.slots();
        long mk = (long) s.m() * s.k();
        long b = ModelShape.BF16;
        return switch (op) {
            case RESIDUAL_ADD, ADD -> new long[] {2 * mh * b, mh * b, mh};
            case RMSNORM -> new long[] {mh * b + h * b, mh * b, 4 * mh};
            case FUSED_ADD_RMSNORM -> new long[] {2 * mh * b + h * b, 2 * mh * b, 5 * mh};
            case ROUTER_GEMM -> new long[] {mh * b + s.e() * h * b, m * s.e() * ModelShape.F32, 2 * mh * s.e()};
            case GATE_GEMV -> new long[] {mh * b + h * b, m * b, 2 * mh};
            case ROUTER_GATE_GEMM -> new long[] {
                mh * b + (s.e() + 1) * h * b, m * (s.e() + 1) * ModelShape.F32, 2 * mh * (s.e() + 1)
            };
            case TOPK_SOFTMAX -> new long[] {
                m * s.e() * ModelShape.F32, mk * (ModelShape.I32 + ModelShape.F32), 5 * m * s.e()
            };
            case APPEND_SHARED_EXPERT -> new long[] {mk * 8 + m * b, slots * 8, 4 * m};
            case TOPK_SOFTMAX_SHARED -> new long[] {m * (s.e() + 1) * ModelShape.F32, slots * 8, 5 * m * s.e() + 4 * m};
            case MOE_ALIGN -> new long[] {mk * 8, mk * 8 + s.e() * ModelShape.I32, 0};
            case MOE_ALIGN_FUSED -> new long[] {slots * 8, slots * 8 + 2L * s.gemmExperts() * ModelShape.I32, 0};
            case GROUPED_GEMM1 -> new long[] {
                2L * touched * i * h * b + slots * h * b, slots * 2 * i * b, 2 * slots * h * 2 * i
            };
            case SILU_AND_MUL -> new long[] {slots * 2 * i * b, slots * i * b, 5 * slots * i};
            case GROUPED_GEMM2 -> new long[] {
                touched * h * i * b + slots * (i * b + ModelShape.F32), slots * h * b, 2 * slots * i * h + slots * h
            };
            case MOE_SUM_REDUCE -> new long[] {slots * h * b, mh * b, slots * h};
            case SHARED_GEMM_UP -> new long[] {mh * b + 2 * i * h * b, m * 2 * i * b, 2 * mh * 2 * i};
            case SHARED_SILU_AND_MUL -> new long[] {m * 2 * i * b, m * i * b, 5 * m * i};
            case SHARED_GEMM_DOWN -> new long[] {m * i * b + h * i * b, mh * b, 2 * m * i * h};
            case SIGMOID -> new long[] {m * b, m * b, 4 * m};
            case MUL -> new long[] {mh * b + m * b, mh * b, mh};
            case ADD_SHARED_EXPERT_GATE -> new long[] {2 * mh * b + m * b, mh * b, 5 * mh};
        };
    }
}
