package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RmsNormReferencesTest {
    @Test
    void rmsNormByHand() {
        // x = [3, 4]: mean(x²) = 12.5, rsqrt = 0.2828427; w = [0, 1] -> scales 1 and 2
        // 3*0.2828427 = 0.848528 = 1.697056 * 2^-1, 0.697056*128 = 89.2 -> (1 + 89/128)/2 = 0.84765625
        // 4*0.2828427*2 = 2.262742 = 1.131371 * 2, 0.131371*128 = 16.8 -> (1 + 17/128)*2 = 2.265625
        float[] y = RmsNormReference.apply(new float[] {3, 4}, new float[] {0, 1}, 1, 2, 0f);
        assertThat(y).containsExactly(0.84765625f, 2.265625f);
    }

    @Test
    void epsilonEntersUnderTheRoot() {
        // x = [1, 1], eps = 1: 1/sqrt(1 + 1) = 0.7071068 -> 1.4142*2^-1, 0.4142*128 = 53.02 -> 181/256
        float[] y = RmsNormReference.apply(new float[] {1, 1}, new float[] {0, 0}, 1, 2, 1f);
        assertThat(y).containsExactly(181 / 256f, 181 / 256f);
        // all-zero row with eps > 0 stays zero (no NaN)
        assertThat(RmsNormReference.apply(new float[] {0, 0}, new float[] {0, 0}, 1, 2, 1e-6f))
                .containsExactly(0f, 0f);
    }

    @Test
    void rowsAreNormalizedIndependently() {
        // row 1 is row 0 times 2: same normalized output
        float[] y = RmsNormReference.apply(new float[] {3, 4, 6, 8}, new float[] {0, 1}, 2, 2, 0f);
        assertThat(y).containsExactly(0.84765625f, 2.265625f, 0.84765625f, 2.265625f);
    }

    @Test
    void fusedAddRmsNormByHand() {
        // r = [2, 2] + x = [1, 2] -> [3, 4], then the rmsnorm case above
        FusedAddRmsNormReference.Result res =
                FusedAddRmsNormReference.apply(new float[] {1, 2}, new float[] {0, 1}, new float[] {2, 2}, 1, 2, 0f);
        assertThat(res.residual()).containsExactly(3f, 4f);
        assertThat(res.y()).containsExactly(0.84765625f, 2.265625f);
    }

    @Test
    void fusedAddRmsNormEqualsResidualAddThenRmsNorm() {
        Random random = new Random(7);
        int rows = 6;
        int hidden = 64;
        float[] x = randomBf16(random, rows * hidden, 3);
        float[] r = randomBf16(random, rows * hidden, 3);
        float[] w = randomBf16(random, hidden, 0.5);
        float[] rBefore = r.clone();
        FusedAddRmsNormReference.Result fused = FusedAddRmsNormReference.apply(x, w, r, rows, hidden, 1e-6f);
        float[] residual = ResidualAddReference.apply(x, r, rows, hidden);
        assertThat(fused.residual()).containsExactly(residual);
        assertThat(fused.y()).containsExactly(RmsNormReference.apply(residual, w, rows, hidden, 1e-6f));
        assertThat(r).as("inputs untouched").containsExactly(rBefore);
    }
}
