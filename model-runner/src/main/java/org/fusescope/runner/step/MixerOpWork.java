package org.fusescope.runner.step;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.ops.DenseBenchCases;
import org.fusescope.kernels.ops.MulKernel;
import org.fusescope.kernels.ops.SigmoidKernel;
import org.fusescope.kernels.ops.SigmoidMulKernel;
import org.fusescope.kernels.ops.Work;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.profiler.ops.Op;

/**
 * The bytes and FLOPs of the mixers' launches (inputs read once, outputs written once), estimated from
 * the math of docs/kernels.md until the gated-delta-net and attention kernels report their own: activations,
 * weights, conv state and KV cache bf16; the recurrent state and split-attention partials fp32. The
 * per-element FLOP counts of the norms and activations are rough (a transcendental counts as a few
 * FLOPs); the GEMMs, the delta rule and attention are counted exactly by their multiply-adds. Stateless.
 */
final class MixerOpWork {
    private static final int BF16 = 2;
    private static final int F32 = 4;

    private MixerOpWork() {}

    /** @throws IllegalArgumentException for an op that no mixer has */
    static Work of(Op launch, StepSpec spec) {
        int m = spec.batch();
        int h = spec.config().hidden();
        LinearAttentionDims g = spec.config().linear();
        AttentionDims a = spec.config().attention();
        long mm = m;
        // gated-delta-net sizes
        long convDim = g.convDim();
        long valueRows = (long) g.valueHeads() * g.valueDim();
        long projection = g.projectionDim();
        long convState = mm * convDim * (g.convKernel() - 1);
        long convWeights = convDim * g.convKernel();
        long convFlops = mm * convDim * (2L * g.convKernel() + 4);
        // attention sizes
        int qDim = a.queryHeads() * a.headDim();
        int kvDim = a.kvHeads() * a.headDim();
        DecodeContext context = spec.context();
        long attended = context.attendedTokens();
        long partials = mm * a.queryHeads() * context.splits() * (a.headDim() + 1L);
        return switch (launch) {
            case IN_PROJ_GEMM -> gemm(m, projection, h);
            case CAUSAL_CONV1D_UPDATE -> new Work(
                    BF16 * (mm * convDim + convState + convWeights), BF16 * (mm * convDim + convState), convFlops);
            case GDN_SPLIT -> new Work(BF16 * mm * projection, BF16 * mm * projection, 0);
            case CONV_PACK_GDN -> new Work(
                    BF16 * (mm * projection + convState + convWeights),
                    BF16 * (mm * projection + convState),
                    convFlops);
            case GATED_DELTA_RULE -> deltaRule(m, g);
            case GATED_RMSNORM -> new Work(
                    BF16 * (2 * mm * valueRows + g.valueDim()), BF16 * mm * valueRows, 8 * mm * valueRows);
            case GDN_OUT_PROJ_GEMM -> gemm(m, h, valueRows);
            case Q_PROJ_GEMM -> gemm(m, 2L * qDim, h);
            case K_PROJ_GEMM, V_PROJ_GEMM -> gemm(m, kvDim, h);
            case QKV_PROJ_GEMM -> gemm(m, 2L * qDim + 2L * kvDim, h);
            case QK_RMSNORM -> new Work(
                    BF16 * (mm * (qDim + kvDim) + 2L * a.headDim()),
                    BF16 * mm * (qDim + kvDim),
                    4 * mm * (qDim + kvDim));
            case ROTARY_PARTIAL -> {
                long rotated = mm * (a.queryHeads() + a.kvHeads()) * a.rotaryDim();
                yield new Work(BF16 * rotated, BF16 * rotated, 6 * rotated);
            }
            case KV_APPEND -> new Work(BF16 * 2 * mm * kvDim, BF16 * 2 * mm * kvDim, 0);
            case DECODE_ATTENTION -> new Work(
                    BF16 * (mm * qDim + 2 * mm * attended * kvDim),
                    context.isSplit() ? F32 * partials : BF16 * mm * qDim,
                    mm * a.queryHeads() * attended * (4L * a.headDim() + 5));
            case DECODE_ATTENTION_COMBINE -> new Work(
                    F32 * partials, BF16 * mm * qDim, mm * a.queryHeads() * context.splits() * (3L * a.headDim() + 5));
            case ATTENTION_GATE_SIGMOID -> SigmoidKernel.work(m, qDim);
            case ATTENTION_GATE_MUL -> MulKernel.work(m, qDim, qDim);
            case SIGMOID_MUL -> SigmoidMulKernel.work(m, qDim, qDim);
            case O_PROJ_GEMM -> gemm(m, h, qDim);
            default -> throw new IllegalArgumentException("no work model for op '" + launch.opName() + "'");
        };
    }

    /**
     * Per (request, value head): q, k, v, a, b and the fp32 state in, o and the state out; decay {@code
     * Dk·Dv}, {@code Sᵀk}, {@code k v'ᵀ} and {@code Sᵀq} {@code 2·Dk·Dv} each, the L2 norms {@code 4·Dk}.
     */
    private static Work deltaRule(int m, LinearAttentionDims g) {
        long mm = m;
        long keyRows = (long) g.keyHeads() * g.keyDim();
        long valueRows = (long) g.valueHeads() * g.valueDim();
        long state = mm * g.valueHeads() * g.keyDim() * g.valueDim();
        long read = BF16 * (mm * (2 * keyRows + valueRows + 2L * g.valueHeads()) + 2L * g.valueHeads()) + F32 * state;
        long written = BF16 * mm * valueRows + F32 * state;
        long flops = mm * g.valueHeads() * (7L * g.keyDim() * g.valueDim() + 4L * g.keyDim());
        return new Work(read, written, flops);
    }

    private static Work gemm(int m, long n, long k) {
        return DenseBenchCases.work(m, Math.toIntExact(n), Math.toIntExact(k), DType.BF16);
    }
}
