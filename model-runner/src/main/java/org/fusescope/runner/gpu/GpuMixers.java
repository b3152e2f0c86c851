package org.fusescope.runner.gpu;

import java.util.List;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.AttentionSplit;
import org.fusescope.kernels.ops.ColumnSlice;
import org.fusescope.kernels.ops.GatedDeltaRuleKernel;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.step.StepSpec;

/**
 * The mixer blocks of one run on the GPU: each launch of {@code LinearAttentionPlan} and {@code
 * AttentionPlan} bound to our kernels or cuBLAS on the run's stream. A mixer reads the hidden state
 * and residual of the run's {@link BlockActivations} (its leading residual add + RMSNorm with the layer's
 * input norm) and writes its output projection into {@code hidden}, which the layer's MoE block then
 * adds to the residual. {@code decode_attention} launches the single-pass kernel or, when the context
 * is split, the split kernel alone, and {@code decode_attention_combine} the combine of its partial
 * results, so each kernel is attributed to its own op.
 * Needs the context current; not thread-safe.
 */
final class GpuMixers implements AutoCloseable {
    private final StepSpec spec;
    private final CudaStream stream;
    private final BlockKernels k;
    private final MixerKernels mk;
    private final BlockActivations a;
    private final List<DeviceMixerWeights> weights;
    private final DecodeState state;
    private final MixerActivations x;
    private final AttentionSplit split;
    private final float eps;

    GpuMixers(
            StepSpec spec,
            CudaStream stream,
            BlockKernels kernels,
            MixerKernels mixerKernels,
            BlockActivations activations,
            List<DeviceMixerWeights> weights,
            AttentionSplit split) {
        this.spec = spec;
        this.stream = stream;
        this.k = kernels;
        this.mk = mixerKernels;
        this.a = activations;
        this.weights = weights;
        this.split = split;
        this.eps = (float) spec.config().rmsNormEps();
        this.state = new DecodeState(spec);
        try {
            this.x = new MixerActivations(spec, split);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    /** Enqueues {@code launch} of {@code layer}'s mixer on the run's stream. */
    void launch(Op launch, int layer) {
        DeviceMixerWeights w = weights.get(layer);
        int m = spec.batch();
        switch (launch) {
            case RESIDUAL_ADD -> k.residualAdd.launch(stream, a.hidden, a.residual, m);
            case RMSNORM -> k.rmsNorm.launch(stream, a.residual, w.inputNorm(), a.y, m, eps);
            case FUSED_ADD_RMSNORM -> k.fusedAddRmsNorm.launch(
                    stream, a.hidden, w.inputNorm(), a.residual, a.y, m, eps);
            default -> {
                if (w instanceof DeviceLinearAttentionWeights g) {
                    linearAttention(launch, layer, g, m);
                } else {
                    attention(launch, layer, (DeviceAttentionWeights) w, m);
                }
            }
        }
    }

    private void linearAttention(Op launch, int layer, DeviceLinearAttentionWeights g, int m) {
        switch (launch) {
            case IN_PROJ_GEMM -> k.blas.linear(stream, a.y, g.inProj, x.projection);
            case CAUSAL_CONV1D_UPDATE -> mk.causalConv1dUpdate.launch(
                    stream, x.projection, g.conv, null, state.convState(layer), x.convOut, m);
            case GDN_SPLIT -> mk.gdnSplit.launch(stream, x.convOut, x.projection, x.packed, m);
            case CONV_PACK_GDN -> mk.convPackGdn.launch(
                    stream, x.projection, g.conv, null, state.convState(layer), x.packed, m);
            case GATED_DELTA_RULE -> mk.gatedDeltaRule.launch(
                    stream,
                    x.packed,
                    g.aLog,
                    g.dtBias,
                    state.recurrentState(layer),
                    x.deltaOut,
                    m,
                    GatedDeltaRuleKernel.QK_NORM_EPS);
            case GATED_RMSNORM -> mk.gatedRmsNorm.launch(stream, x.deltaOut, x.packed.z(), g.norm, x.gatedNorm, m, eps);
            case GDN_OUT_PROJ_GEMM -> k.blas.linear(stream, x.gatedNorm, g.outProj, a.hidden);
            default -> throw new IllegalArgumentException(
                    "no GPU binding for op '" + launch.opName() + "' in a linear attention layer");
        }
    }

    private void attention(Op launch, int layer, DeviceAttentionWeights w, int m) {
        boolean fusedProjection = spec.switches().contains(Fusion.QKVO_GEMM);
        int qGateCols = 2
                * spec.config().attention().queryHeads()
                * spec.config().attention().headDim();
        int kvCols =
                spec.config().attention().kvHeads() * spec.config().attention().headDim();
        ColumnSlice qGate = fusedProjection ? new ColumnSlice(x.qkv, 0) : ColumnSlice.of(x.qGate);
        ColumnSlice kProj = fusedProjection ? new ColumnSlice(x.qkv, qGateCols) : ColumnSlice.of(x.k);
        ColumnSlice vProj = fusedProjection ? new ColumnSlice(x.qkv, qGateCols + kvCols) : ColumnSlice.of(x.v);
        int maxContext = spec.context().attendedTokens();
        switch (launch) {
            case Q_PROJ_GEMM -> k.blas.linear(stream, a.y, w.qGateProj, x.qGate);
            case K_PROJ_GEMM -> k.blas.linear(stream, a.y, w.kProj, x.k);
            case V_PROJ_GEMM -> k.blas.linear(stream, a.y, w.vProj, x.v);
            case QKV_PROJ_GEMM -> k.blas.linear(stream, a.y, w.qkvProj, x.qkv);
            case QK_RMSNORM -> mk.qkRmsNorm.launch(
                    stream, qGate, kProj, w.qNorm, w.kNorm, x.qNormed, x.kNormed, m, eps);
            case ROTARY_PARTIAL -> mk.rotaryPartial.launch(stream, x.qNormed, x.kNormed, state.positions, m);
            case KV_APPEND -> mk.kvAppend.launch(
                    stream,
                    ColumnSlice.of(x.kNormed),
                    vProj,
                    state.keyCache(layer),
                    state.valueCache(layer),
                    state.positions,
                    m,
                    maxContext);
            case DECODE_ATTENTION -> {
                if (split.singlePass()) {
                    mk.decodeAttention.launch(
                            stream,
                            x.qNormed,
                            state.keyCache(layer),
                            state.valueCache(layer),
                            state.positions,
                            x.attention,
                            null,
                            null,
                            m,
                            maxContext,
                            split);
                } else {
                    mk.decodeAttention.launchSplit(
                            stream,
                            x.qNormed,
                            state.keyCache(layer),
                            state.valueCache(layer),
                            state.positions,
                            x.partialO,
                            x.partialLse,
                            m,
                            maxContext,
                            split);
                }
            }
            case DECODE_ATTENTION_COMBINE -> mk.decodeAttentionCombine.launch(
                    stream, x.partialO, x.partialLse, state.positions, x.attention, m, maxContext, split);
            case ATTENTION_GATE_SIGMOID -> mk.attnGateSigmoid.launch(stream, qGate, x.gateSigmoid, m);
            case ATTENTION_GATE_MUL -> {
                int cols = spec.config().attention().queryHeads()
                        * spec.config().attention().headDim();
                k.mul.launch(stream, x.attention, x.gateSigmoid, x.gated, m, cols, cols);
            }
            case SIGMOID_MUL -> mk.attnGateSigmoidMul.launch(stream, qGate, x.attention, m);
            case O_PROJ_GEMM -> k.blas.linear(stream, gatedAttention(), w.oProj, a.hidden);
            default -> throw new IllegalArgumentException(
                    "no GPU binding for op '" + launch.opName() + "' in an attention layer");
        }
    }

    /** The gated attention output: in place under sigmoid_mul, else the mul's output. */
    private DeviceBuffer gatedAttention() {
        return spec.switches().contains(Fusion.SIGMOID_MUL) ? x.attention : x.gated;
    }

    @Override
    public void close() {
        x.close();
        state.close();
    }
}
