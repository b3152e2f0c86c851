package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grouped-GEMM chain (align, GEMM1, silu_and_mul, GEMM2, sum-reduce) against dense math. */
class MoeChainReferenceTest {
    private static final int TOKENS = 5;
    private static final int HIDDEN = 32;
    private static final int EXPERTS = 8;
    private static final int TOPK = 3;
    private static final int INTER = 16;

    private final Random random = new Random(2024);

    @Test
    void groupedGemm1ByHand() {
        // H = 2, I = 1, 2 experts, K' = 1, 2 tokens: slot 0 -> expert 1, slot 1 -> expert 0
        float[] y = {1, 2, 3, -1};
        float[] w13 = {1, 0, 0, 1, /* expert 1 */ 1, 1, 2, 0};
        MoeAlignReference.Result tables = MoeAlignReference.apply(new int[] {1, 0}, new float[] {1, 1}, 2);
        float[] h1 = GroupedGemm1Reference.apply(y, w13, tables, 2, 2, 1, 1);
        // slot 0: y[0]=[1,2] . [[1,1],[2,0]]^T = [3, 2]; slot 1: y[1]=[3,-1] . I = [3, -1]
        assertThat(h1).containsExactly(3f, 2f, 3f, -1f);
    }

    @Test
    void groupedGemm2ByHandAppliesTheRoutingWeight() {
        // I = 1, H = 2: slot 0 -> expert 1 weight 0.25, slot 1 -> expert 0 weight 0.75
        float[] a = {2, 4};
        float[] w2 = {1, 0.5f, /* expert 1 */ -1, 3};
        MoeAlignReference.Result tables = MoeAlignReference.apply(new int[] {1, 0}, new float[] {0.25f, 0.75f}, 2);
        float[] h2 = GroupedGemm2Reference.apply(a, w2, tables, 2, 2, 1);
        // slot 0: 0.25*[2*-1, 2*3] = [-0.5, 1.5]; slot 1: 0.75*[4*1, 4*0.5] = [3, 1.5]
        assertThat(h2).containsExactly(-0.5f, 1.5f, 3f, 1.5f);
    }

    @Test
    void chainEqualsDensePerTokenMoe() {
        float[] y = randomBf16(random, TOKENS * HIDDEN, 2);
        float[] w13 = randomBf16(random, EXPERTS * 2 * INTER * HIDDEN, 0.2);
        float[] w2 = randomBf16(random, EXPERTS * HIDDEN * INTER, 0.2);
        TopkSoftmaxReference.Result routing =
                TopkSoftmaxReference.apply(randomBf16(random, TOKENS * EXPERTS, 3), TOKENS, EXPERTS, TOPK, true);

        float[] chain = chain(y, w13, w2, routing.ids(), routing.weights(), EXPERTS, TOPK);
        float[] dense = dense(y, w13, w2, routing.ids(), routing.weights(), TOPK);
        // same roundings at the same points, different loop order: identical
        assertThat(chain).containsExactly(dense);
        assertThat(chain).as("not trivially zero").isNotEqualTo(new float[chain.length]);
    }

    @Test
    void sharedAsExpertEqualsTheSeparateSharedExpertPath() {
        float[] y = randomBf16(random, TOKENS * HIDDEN, 2);
        // E + 1 experts: expert E is the shared one
        float[] w13 = randomBf16(random, (EXPERTS + 1) * 2 * INTER * HIDDEN, 0.2);
        float[] w2 = randomBf16(random, (EXPERTS + 1) * HIDDEN * INTER, 0.2);
        float[] gate = randomBf16(random, TOKENS, 2);
        TopkSoftmaxReference.Result routing =
                TopkSoftmaxReference.apply(randomBf16(random, TOKENS * EXPERTS, 3), TOKENS, EXPERTS, TOPK, true);
        AppendSharedExpertReference.Result appended =
                AppendSharedExpertReference.apply(routing.ids(), routing.weights(), gate, TOKENS, TOPK, EXPERTS);

        float[] fused = chain(y, w13, w2, appended.ids(), appended.weights(), EXPERTS + 1, TOPK + 1);

        // unfused: routed chain over E experts, the shared expert densely with weight 1, then the gate
        float[] routed = chain(y, w13, w2, routing.ids(), routing.weights(), EXPERTS + 1, TOPK);
        int[] sharedIds = new int[TOKENS];
        float[] ones = new float[TOKENS];
        Arrays.fill(sharedIds, EXPERTS);
        Arrays.fill(ones, 1f);
        float[] shared = dense(y, w13, w2, sharedIds, ones, 1);
        float[] unfused = AddSharedExpertGateReference.apply(shared, gate, routed, TOKENS, HIDDEN, 1);

        // different rounding points (h2 * sigmoid(g) rounded inside the sum vs. after it)
        for (int i = 0; i < fused.length; i++) {
            double tol = 4 * Bf16Assertions.bf16Ulp(Math.max(Math.abs(fused[i]), Math.abs(unfused[i]))) + 0.02;
            assertThat((double) Math.abs(fused[i] - unfused[i]))
                    .as("element %d", i)
                    .isLessThanOrEqualTo(tol);
        }
    }

    /** The kernels' sequence: moe_align, grouped_gemm1, silu_and_mul, grouped_gemm2, moe_sum_reduce. */
    private static float[] chain(float[] y, float[] w13, float[] w2, int[] ids, float[] weights, int experts, int kp) {
        int numSlots = TOKENS * kp;
        MoeAlignReference.Result tables = MoeAlignReference.apply(ids, weights, experts);
        float[] h1 = GroupedGemm1Reference.apply(y, w13, tables, TOKENS, HIDDEN, INTER, kp);
        float[] a = SiluAndMulReference.apply(h1, numSlots, INTER);
        float[] h2 = GroupedGemm2Reference.apply(a, w2, tables, numSlots, HIDDEN, INTER);
        return MoeSumReduceReference.apply(h2, TOKENS, HIDDEN, kp);
    }

    /** Token by token, expert by expert, with the kernels' bf16 rounding points, no tables. */
    private static float[] dense(float[] y, float[] w13, float[] w2, int[] ids, float[] weights, int kp) {
        float[] out = new float[TOKENS * HIDDEN];
        for (int t = 0; t < TOKENS; t++) {
            double[] acc = new double[HIDDEN];
            for (int k = 0; k < kp; k++) {
                int e = ids[t * kp + k];
                float[] act = new float[INTER];
                for (int i = 0; i < INTER; i++) {
                    double gate = 0;
                    double up = 0;
                    for (int h = 0; h < HIDDEN; h++) {
                        double x = y[t * HIDDEN + h];
                        gate += x * w13[(e * 2 * INTER + i) * HIDDEN + h];
                        up += x * w13[(e * 2 * INTER + INTER + i) * HIDDEN + h];
                    }
                    double g = Bf16Round.round(gate);
                    act[i] = Bf16Round.round(g / (1 + Math.exp(-g)) * Bf16Round.round(up));
                }
                for (int n = 0; n < HIDDEN; n++) {
                    double d = 0;
                    for (int i = 0; i < INTER; i++) {
                        d += (double) act[i] * w2[(e * HIDDEN + n) * INTER + i];
                    }
                    acc[n] += Bf16Round.round(d * weights[t * kp + k]);
                }
            }
            for (int n = 0; n < HIDDEN; n++) {
                out[t * HIDDEN + n] = Bf16Round.round(acc[n]);
            }
        }
        return out;
    }
}
