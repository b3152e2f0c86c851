package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatedRmsNormReferenceTest {
    @Test
    void byHand() {
        // o = [3, 4]: rsqrt(12.5) = 0.2828427; w = [1, 2]; silu(2) = 1.761594, silu(-1) = -0.268941
        // 3 * 0.2828427 * 1 * 1.761594 = 1.494755 -> bf16 1.4921875
        // 4 * 0.2828427 * 2 * -0.268941 = -0.608545 -> bf16 -0.609375
        float[] y = GatedRmsNormReference.apply(new float[] {3, 4}, new float[] {2, -1}, new float[] {1, 2}, 1, 2, 0f);
        assertThat(y).containsExactly(1.4921875f, -0.609375f);
    }

    @Test
    void theWeightIsPlainNotOnePlusW() {
        float[] y =
                GatedRmsNormReference.apply(new float[] {3, 4}, new float[] {2, 2}, new float[] {0, 0}, 1, 2, 1e-6f);
        assertThat(y).containsExactly(0f, 0f);
    }

    @Test
    void eachHeadIsNormalizedOnItsOwn() {
        // two heads of one token; the second is the first times 4: same output
        float[] y = GatedRmsNormReference.apply(
                new float[] {3, 4, 12, 16}, new float[] {2, -1, 2, -1}, new float[] {1, 2}, 2, 2, 0f);
        assertThat(y).containsExactly(1.4921875f, -0.609375f, 1.4921875f, -0.609375f);
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> GatedRmsNormReference.apply(new float[4], new float[3], new float[2], 2, 2, 1e-6f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z: expected length 4 [rows=2, dim=2] but was 3");
        assertThatThrownBy(() -> GatedRmsNormReference.apply(new float[4], new float[4], new float[3], 2, 2, 1e-6f))
                .hasMessage("w: expected length 2 [dim=2] but was 3");
    }
}
