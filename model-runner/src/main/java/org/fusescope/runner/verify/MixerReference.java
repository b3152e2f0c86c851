package org.fusescope.runner.verify;

import java.util.stream.IntStream;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.ops.GatedDeltaRuleKernel;
import org.fusescope.kernels.reference.AttnGateSigmoidReference;
import org.fusescope.kernels.reference.CausalConv1dUpdateReference;
import org.fusescope.kernels.reference.DecodeAttentionReference;
import org.fusescope.kernels.reference.FusedAddRmsNormReference;
import org.fusescope.kernels.reference.GatedDeltaRuleReference;
import org.fusescope.kernels.reference.GatedRmsNormReference;
import org.fusescope.kernels.reference.GdnPacked;
import org.fusescope.kernels.reference.GdnSplitReference;
import org.fusescope.kernels.reference.KvAppendReference;
import org.fusescope.kernels.reference.MulReference;
import org.fusescope.kernels.reference.QkRmsNormReference;
import org.fusescope.kernels.reference.RotaryPartialReference;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.runner.model.AttentionWeights;
import org.fusescope.runner.model.LinearAttentionWeights;
import org.fusescope.runner.model.MixerWeights;
import org.fusescope.runner.step.InitialDecodeState;
import org.fusescope.runner.step.StepSpec;

/**
 * One decoder layer's mixer block in plain Java, unfused, for the first {@code tokens} requests of a
 * step: the leading residual add + zero-centred RMSNorm, then the gated-delta-net (input projection,
 * causal conv update + SiLU, split into q/k/v/z/b/a, gated delta rule on the request's recurrent state,
 * gated RMSNorm, output projection) or the gated attention (q+gate, k, v projections, q/k RMSNorm,
 * partial rotary, KV-cache append, decode attention over the request's cache, sigmoid gate, output
 * projection). The chain of the kernels' own references, with the GEMMs in double rounded to bf16; the
 * decode state is the run's {@link InitialDecodeState}. Requests are independent, so the first few
 * check every kernel. Stateless.
 */
public final class MixerReference {
    private MixerReference() {}

    /**
     * @param out the mixer's output projection {@code [tokens, H]} (bf16 values)
     * @param residual the residual after the block's add {@code [tokens, H]}
     */
    public record Result(float[] out, float[] residual) {}

    /** Layer {@code w.layer()}'s mixer from {@code spec}'s initial hidden state, residual and decode state. */
    public static Result compute(StepSpec spec, MixerWeights w, int tokens) {
        int h = spec.config().hidden();
        float[] hidden = BlockVerifier.head(spec.initialHidden(), tokens * h);
        float[] residual = BlockVerifier.head(spec.initialResidual(), tokens * h);
        FusedAddRmsNormReference.Result norm =
                FusedAddRmsNormReference.apply(hidden, Bf16.toFloats(w.inputNorm()), residual, tokens, h, (float)
                        spec.config().rmsNormEps());
        float[] out = w instanceof LinearAttentionWeights g
                ? linearAttention(spec, g, norm.y(), tokens)
                : attention(spec, (AttentionWeights) w, norm.y(), tokens);
        return new Result(out, norm.residual());
    }

    private static float[] linearAttention(StepSpec spec, LinearAttentionWeights w, float[] y, int tokens) {
        LinearAttentionDims c = spec.config().linear();
        int h = spec.config().hidden();
        float[] projection = linear(y, w.inProj(), tokens, h, c.projectionDim());
        float[] convState = new float[tokens * c.convDim() * (c.convKernel() - 1)];
        float[] recurrent = new float[tokens * c.valueHeads() * c.keyDim() * c.valueDim()];
        for (int r = 0; r < tokens; r++) {
            float[] conv = Bf16.toFloats(InitialDecodeState.convState(spec, w.layer(), r));
            System.arraycopy(conv, 0, convState, r * conv.length, conv.length);
            float[] state = InitialDecodeState.recurrentState(spec, w.layer(), r);
            System.arraycopy(state, 0, recurrent, r * state.length, state.length);
        }
        CausalConv1dUpdateReference.Result conv =
                CausalConv1dUpdateReference.apply(projection, Bf16.toFloats(w.conv()), null, convState, tokens, c);
        GdnPacked packed = GdnSplitReference.apply(conv.y(), projection, tokens, c);
        GatedDeltaRuleReference.Result delta = GatedDeltaRuleReference.apply(
                packed,
                Bf16.toFloats(w.aLog()),
                Bf16.toFloats(w.dtBias()),
                recurrent,
                tokens,
                c,
                GatedDeltaRuleKernel.QK_NORM_EPS);
        float[] normed = GatedRmsNormReference.apply(
                delta.o(), packed.z(), Bf16.toFloats(w.norm()), tokens * c.valueHeads(), c.valueDim(), (float)
                        spec.config().rmsNormEps());
        return linear(normed, w.outProj(), tokens, c.valueHeads() * c.valueDim(), h);
    }

    private static float[] attention(StepSpec spec, AttentionWeights w, float[] y, int tokens) {
        AttentionDims c = spec.config().attention();
        int h = spec.config().hidden();
        int d = c.headDim();
        float[] qGate = perHead(linear(y, w.qGateProj(), tokens, h, 2 * c.queryWidth()), tokens, c);
        float[] k = linear(y, w.kProj(), tokens, h, c.kvWidth());
        float[] v = linear(y, w.vProj(), tokens, h, c.kvWidth());
        float eps = (float) spec.config().rmsNormEps();
        QkRmsNormReference.Result normed =
                QkRmsNormReference.apply(qGate, k, Bf16.toFloats(w.qNorm()), Bf16.toFloats(w.kNorm()), tokens, c, eps);
        int[] positions = new int[tokens];
        System.arraycopy(InitialDecodeState.positions(spec), 0, positions, 0, tokens);
        float[] q = RotaryPartialReference.apply(
                normed.q(), positions, tokens, c.queryHeads(), d, c.rotaryDim(), c.ropeTheta());
        float[] kRoped = RotaryPartialReference.apply(
                normed.k(), positions, tokens, c.kvHeads(), d, c.rotaryDim(), c.ropeTheta());
        int maxContext = spec.context().attendedTokens();
        int cache = (int) InitialDecodeState.cacheElements(spec);
        float[] keys = new float[tokens * cache];
        float[] values = new float[tokens * cache];
        for (int r = 0; r < tokens; r++) {
            System.arraycopy(Bf16.toFloats(InitialDecodeState.keys(spec, w.layer(), r)), 0, keys, r * cache, cache);
            System.arraycopy(Bf16.toFloats(InitialDecodeState.values(spec, w.layer(), r)), 0, values, r * cache, cache);
        }
        KvAppendReference.Result caches =
                KvAppendReference.apply(keys, values, kRoped, v, positions, tokens, c, maxContext);
        float[] attn =
                DecodeAttentionReference.apply(q, caches.kCache(), caches.vCache(), positions, tokens, c, maxContext);
        float[] gate = AttnGateSigmoidReference.apply(qGate, tokens, c);
        float[] gated = MulReference.apply(attn, gate, tokens, c.queryWidth(), c.queryWidth());
        return linear(gated, w.oProj(), tokens, c.queryWidth(), h);
    }

    /**
     * {@code [rows, 2·Hq·D]} with the q block then the gate block ({@link AttentionWeights#qGateProj})
     * to the kernels' per-head {@code [rows, Hq, 2·D]} ({@code [query_h | gate_h]} per head).
     */
    static float[] perHead(float[] blocks, int rows, AttentionDims heads) {
        int d = heads.headDim();
        int width = heads.queryWidth();
        float[] out = new float[blocks.length];
        for (int r = 0; r < rows; r++) {
            for (int head = 0; head < heads.queryHeads(); head++) {
                int to = r * 2 * width + head * 2 * d;
                System.arraycopy(blocks, r * 2 * width + head * d, out, to, d);
                System.arraycopy(blocks, r * 2 * width + width + head * d, out, to + d, d);
            }
        }
        return out;
    }

    /** {@code bf16(x [rows, in] · w [out, in]ᵀ)}, accumulated in double (a cuBLAS bf16 GEMM's result). */
    static float[] linear(float[] x, short[] w, int rows, int in, int out) {
        float[] y = new float[rows * out];
        IntStream.range(0, rows * out).parallel().forEach(i -> {
            int r = i / out;
            long base = (long) (i % out) * in;
            double s = 0;
            for (int j = 0; j < in; j++) {
                s += (double) x[r * in + j] * Bf16.toFloat(w[(int) (base + j)]);
            }
            y[i] = Bf16.round((float) s);
        });
        return y;
    }
}
