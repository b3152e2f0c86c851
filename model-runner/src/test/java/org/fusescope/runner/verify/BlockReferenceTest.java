package org.fusescope.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.ops.RandomFill;
import org.fusescope.kernels.reference.AddSharedExpertGateReference;
import org.fusescope.kernels.reference.GroupedGemm1Reference;
import org.fusescope.kernels.reference.GroupedGemm2Reference;
import org.fusescope.kernels.reference.MoeAlignReference;
import org.fusescope.kernels.reference.MoeSumReduceReference;
import org.fusescope.kernels.reference.ResidualAddReference;
import org.fusescope.kernels.reference.RmsNormReference;
import org.fusescope.kernels.reference.RowErrors;
import org.fusescope.kernels.reference.SiluAndMulReference;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.model.SyntheticWeights;
import org.junit.jupiter.api.Test;

/** The token-by-token block reference against the chain of the kernels' own references. */
class BlockReferenceTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final int M = 6;

    @Test
    void equalsTheUnfusedChainOfKernelReferences() {
        int h = TINY.hidden();
        int k = TINY.topK();
        MoeWeights w = SyntheticWeights.generate(TINY, 0, 11);
        SplittableRandom random = new SplittableRandom(5);
        short[] hidden = RandomFill.bf16(random, (long) M * h, 1.0);
        short[] residual = RandomFill.bf16(random, (long) M * h, 1.0);
        float[] eps = {(float) TINY.rmsNormEps()};

        float[] r = ResidualAddReference.apply(f(hidden), f(residual), M, h);
        float[] y = RmsNormReference.apply(r, f(w.norm()), M, h, eps[0]);
        float[] logits = dense(y, f(w.router()), TINY.experts(), h);
        TopkSoftmaxReference.Result routing = TopkSoftmaxReference.apply(logits, M, TINY.experts(), k, true);
        MoeAlignReference.Result tables = MoeAlignReference.apply(routing.ids(), routing.weights(), TINY.experts());
        float[] h1 = GroupedGemm1Reference.apply(y, f(w.w13()), tables, M, h, TINY.inter(), k);
        float[] act = SiluAndMulReference.apply(h1, M * k, TINY.inter());
        float[] h2 = GroupedGemm2Reference.apply(act, f(w.w2()), tables, M * k, h, TINY.inter());
        float[] moe = MoeSumReduceReference.apply(h2, M, h, k);
        int[] zeros = new int[M];
        float[] ones = new float[M];
        Arrays.fill(ones, 1f);
        MoeAlignReference.Result one = MoeAlignReference.apply(zeros, ones, 1);
        float[] sh1 = GroupedGemm1Reference.apply(y, f(w.sharedW13()), one, M, h, TINY.sharedInter(), 1);
        float[] sAct = SiluAndMulReference.apply(sh1, M, TINY.sharedInter());
        float[] shared = GroupedGemm2Reference.apply(sAct, f(w.sharedW2()), one, M, h, TINY.sharedInter());
        float[] gate = Bf16.toFloats(Bf16.fromFloats(dense(y, f(w.sharedGate()), 1, h)));
        float[] chain = AddSharedExpertGateReference.apply(shared, gate, moe, M, h, 1);

        BlockReference.Result block =
                BlockReference.compute(w, hidden, residual, routing.ids(), routing.weights(), M, TINY.rmsNormEps());

        assertThat(block.residual()).containsExactly(r);
        assertThat(RowErrors.of(block.out(), chain, h).worst())
                .as("block vs chain")
                .isLessThan(5e-3);
        assertThat(RowErrors.of(block.logits(), logits, TINY.experts()).worst()).isLessThan(1e-5);
        assertThat(chain).as("not trivially zero").isNotEqualTo(new float[chain.length]);
    }

    private static float[] f(short[] bits) {
        return Bf16.toFloats(bits);
    }

    /** {@code x [M, H] · w [N, H]ᵀ} in double, not rounded (the router's fp32 logits). */
    private static float[] dense(float[] x, float[] w, int n, int h) {
        float[] out = new float[M * n];
        for (int t = 0; t < M; t++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < h; i++) {
                    s += (double) x[t * h + i] * w[j * h + i];
                }
                out[t * n + j] = (float) s;
            }
        }
        return out;
    }
}
