package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fusescope.kernels.reference.Bf16Assertions.assertWithinUlps;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ElementwiseReferencesTest {
    private final Random random = new Random(42);

    @Test
    void residualAddRoundsTheSumToBf16() {
        // 2+1 = 3; -0.25+0.5 = 0.25; 256+3 = 259 -> 260 (tie to even); 256+1 = 257 -> 256
        float[] r = ResidualAddReference.apply(new float[] {1, 0.5f, 3, 1}, new float[] {2, -0.25f, 256, 256}, 2, 2);
        assertThat(r).containsExactly(3f, 0.25f, 260f, 256f);
    }

    @Test
    void sigmoidByHand() {
        // sigmoid(0) = 0.5; sigmoid(2) = 0.880797 = 1.761594 * 2^-1, 0.761594*128 = 97.48 -> 97/128
        float[] s = SigmoidReference.apply(new float[] {0, 2}, 2, 1);
        assertThat(s).containsExactly(0.5f, (1 + 97 / 128f) / 2);
    }

    @Test
    void mulBroadcastsOneValuePerRow() {
        // [[1,2],[3,4]] * [[2],[0.5]] = [[2,4],[1.5,2]]
        float[] out = MulReference.apply(new float[] {1, 2, 3, 4}, new float[] {2, 0.5f}, 2, 2, 1);
        assertThat(out).containsExactly(2f, 4f, 1.5f, 2f);
        // full-shape b
        assertThat(MulReference.apply(new float[] {1, 2}, new float[] {-3, 0.25f}, 1, 2, 2))
                .containsExactly(-3f, 0.5f);
    }

    @Test
    void addFullAndBroadcast() {
        assertThat(AddReference.apply(new float[] {1, 2}, new float[] {0.5f, -2}, 1, 2, 2))
                .containsExactly(1.5f, 0f);
        assertThat(AddReference.apply(new float[] {1, 2, 3, 4}, new float[] {10, -1}, 2, 2, 1))
                .containsExactly(11f, 12f, 2f, 3f);
    }

    @Test
    void sigmoidMulByHand() {
        // sigmoid(0) = 0.5 broadcast: [2, -4] -> [1, -2]
        assertThat(SigmoidMulReference.apply(new float[] {0}, new float[] {2, -4}, 1, 2, 1))
                .containsExactly(1f, -2f);
    }

    @Test
    void sigmoidMulEqualsSigmoidThenMulUpToTheExtraRounding() {
        int rows = 7;
        int cols = 24;
        float[] x = randomBf16(random, rows * cols, 4);
        for (int gCols : new int[] {1, cols}) {
            float[] g = randomBf16(random, rows * gCols, 6);
            float[] fused = SigmoidMulReference.apply(g, x, rows, cols, gCols);
            float[] unfused = MulReference.apply(x, SigmoidReference.apply(g, rows, gCols), rows, cols, gCols);
            // the unfused pair rounds sigmoid(g) to bf16 first: at most ~1 ulp apart
            assertWithinUlps(fused, unfused, 1.0);
        }
    }

    @Test
    void addSharedExpertGateByHand() {
        // out + shared * sigmoid(g): 1 + 2*0.5 = 2; g per element: 1 + 2*sigmoid(0) = 2, 3 + 4*sigmoid(-inf-ish)
        assertThat(AddSharedExpertGateReference.apply(new float[] {2}, new float[] {0}, new float[] {1}, 1, 1, 1))
                .containsExactly(2f);
        float[] out = AddSharedExpertGateReference.apply(
                new float[] {2, 4}, new float[] {0, -100}, new float[] {1, 3}, 1, 2, 2);
        assertThat(out).containsExactly(2f, 3f);
    }

    @Test
    void addSharedExpertGateEqualsSigmoidMulAddUpToRounding() {
        int rows = 5;
        int cols = 16;
        float[] shared = randomBf16(random, rows * cols, 2);
        float[] out = randomBf16(random, rows * cols, 2);
        for (int gCols : new int[] {1, cols}) {
            float[] g = randomBf16(random, rows * gCols, 4);
            float[] fused = AddSharedExpertGateReference.apply(shared, g, out, rows, cols, gCols);
            float[] gated = MulReference.apply(shared, SigmoidReference.apply(g, rows, gCols), rows, cols, gCols);
            float[] unfused = AddReference.apply(out, gated, rows, cols, cols);
            // two extra roundings, and cancellation in out + gated can magnify them: compare absolutely
            for (int i = 0; i < fused.length; i++) {
                assertThat((double) fused[i]).isCloseTo(unfused[i], within(0.05));
            }
        }
    }

    @Test
    void siluAndMulByHand() {
        // I = 2, one row [g0, g1 | u0, u1] = [0, 5 | 3, 7]:
        // silu(0)*3 = 0; silu(5)*7 = 4.966536*7 = 34.76575 = 32*1.08643, 0.08643*128 = 11.06 -> 32*(1+11/128) = 34.75
        float[] a = SiluAndMulReference.apply(new float[] {0, 5, 3, 7}, 1, 2);
        assertThat(a).containsExactly(0f, 34.75f);
    }

    @Test
    void moeSumReduceAddsTheSlotsOfEachToken() {
        // token 0: [1,2] + [3,4] + [0.5,0.25] = [4.5, 6.25]; token 1: [1,1]+[1,1]+[-2,8] = [0, 10]
        float[] h2 = {1, 2, 3, 4, 0.5f, 0.25f, 1, 1, 1, 1, -2, 8};
        assertThat(MoeSumReduceReference.apply(h2, 2, 2, 3)).containsExactly(4.5f, 6.25f, 0f, 10f);
    }
}
