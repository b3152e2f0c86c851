package org.fusescope.runner.verify;

import java.util.Arrays;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.reference.AddSharedExpertGateReference;
import org.fusescope.kernels.reference.GroupedGemm1Reference;
import org.fusescope.kernels.reference.GroupedGemm2Reference;
import org.fusescope.kernels.reference.MoeAlignReference;
import org.fusescope.kernels.reference.MoeSumReduceReference;
import org.fusescope.kernels.reference.ResidualAddReference;
import org.fusescope.kernels.reference.RmsNormReference;
import org.fusescope.kernels.reference.RouterGemvReference;
import org.fusescope.kernels.reference.SiluAndMulReference;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.MoeWeights;

/**
 * Test helper: the unfused MoE block as the chain of the kernels' own references (residual_add,
 * rmsnorm, the router GEMM in double, topk_softmax, moe_align, the grouped GEMMs, silu_and_mul,
 * moe_sum_reduce, the shared expert and add_shared_expert_gate), written independently of {@link
 * BlockReference}: the two are compared with each other, and the chain stands in for the GPU in the
 * verifier's CPU tests.
 */
final class KernelChain {
    private KernelChain() {}

    /** Every stage's result ({@code y}, {@code residual}, {@code out} bf16 values; {@code gate} not rounded). */
    record Stages(
            float[] residual,
            float[] y,
            float[] logits,
            float[] gate,
            int[] ids,
            float[] weights,
            int[] counts,
            float[] out) {}

    /**
     * The block for {@code m} tokens; the routing is {@code topk_softmax}'s with {@code renormalize},
     * or {@code ids}/{@code weights} when given (a routing scenario).
     */
    static Stages run(
            MoeWeights w, short[] hidden, short[] residual, int m, boolean renormalize, int[] ids, float[] weights) {
        ModelConfig c = w.config();
        int h = c.hidden();
        int k = c.topK();
        float eps = (float) c.rmsNormEps();
        float[] r = ResidualAddReference.apply(f(hidden), f(residual), m, h);
        float[] y = RmsNormReference.apply(r, f(w.norm()), m, h, eps);
        float[] logits = dense(y, f(w.router()), m, c.experts(), h);
        if (ids == null) {
            TopkSoftmaxReference.Result routing = TopkSoftmaxReference.apply(logits, m, c.experts(), k, renormalize);
            ids = routing.ids();
            weights = routing.weights();
        }
        MoeAlignReference.Result tables = MoeAlignReference.apply(ids, weights, c.experts());
        float[] h1 = GroupedGemm1Reference.apply(y, f(w.w13()), tables, m, h, c.inter(), k);
        float[] act = SiluAndMulReference.apply(h1, m * k, c.inter());
        float[] h2 = GroupedGemm2Reference.apply(act, f(w.w2()), tables, m * k, h, c.inter());
        float[] moe = MoeSumReduceReference.apply(h2, m, h, k);
        int[] zeros = new int[m];
        float[] ones = new float[m];
        Arrays.fill(ones, 1f);
        MoeAlignReference.Result one = MoeAlignReference.apply(zeros, ones, 1);
        float[] sh1 = GroupedGemm1Reference.apply(y, f(w.sharedW13()), one, m, h, c.sharedInter(), 1);
        float[] sAct = SiluAndMulReference.apply(sh1, m, c.sharedInter());
        float[] shared = GroupedGemm2Reference.apply(sAct, f(w.sharedW2()), one, m, h, c.sharedInter());
        float[] gate = dense(y, f(w.sharedGate()), m, 1, h);
        float[] gate16 = Bf16.toFloats(Bf16.fromFloats(gate));
        float[] out = AddSharedExpertGateReference.apply(shared, gate16, moe, m, h, 1);
        return new Stages(r, y, logits, gate, ids, weights, tables.counts(), out);
    }

    static float[] f(short[] bits) {
        return Bf16.toFloats(bits);
    }

    /** {@code x [m, h] · w [n, h]ᵀ} in double, rounded once to fp32 (an fp32 GEMM's result). */
    static float[] dense(float[] x, float[] w, int m, int n, int h) {
        return RouterGemvReference.apply(x, w, m, n, h);
    }
}
