package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterGemvReferenceTest {
    @Test
    void dotProductsOfEveryTokenWithEveryRowByHand() {
        // x = [[1, 2], [0.5, -1]], w = [[3, 4], [1, 0], [0, 0]] (the last a zero padding row)
        float[] out = RouterGemvReference.apply(new float[] {1, 2, 0.5f, -1}, new float[] {3, 4, 1, 0, 0, 0}, 2, 3, 2);
        assertThat(out).containsExactly(11f, 1f, 0f, -2.5f, 0.5f, 0f);
    }

    @Test
    void accumulatesInDoubleAndRoundsOnce() {
        // 1 + 2^-30 - 1 in fp32 steps would lose the 2^-30; in double it stays
        float tiny = (float) Math.scalb(1.0, -30);
        float[] out = RouterGemvReference.apply(new float[] {1, 1, 1}, new float[] {1, tiny, -1}, 1, 1, 3);
        assertThat(out).containsExactly(tiny);
    }

    @Test
    void wrongLengthsNameTheArgument() {
        assertThatThrownBy(() -> RouterGemvReference.apply(new float[3], new float[4], 2, 2, 2))
                .hasMessageStartingWith("x: ");
        assertThatThrownBy(() -> RouterGemvReference.apply(new float[4], new float[3], 2, 2, 2))
                .hasMessageStartingWith("w: ");
    }
}
