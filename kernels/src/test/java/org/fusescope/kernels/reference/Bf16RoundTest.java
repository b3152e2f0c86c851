package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Bf16RoundTest {
    @Test
    void representableValuesAreUnchanged() {
        assertThat(Bf16Round.round(1.0f)).isEqualTo(1.0f);
        assertThat(Bf16Round.round(-0.5f)).isEqualTo(-0.5f);
        assertThat(Bf16Round.round(1.0f + 0x1p-7f)).isEqualTo(1.0f + 0x1p-7f); // 7 mantissa bits
        assertThat(Bf16Round.round(0.0f)).isEqualTo(0.0f);
    }

    @Test
    void roundsToNearestAndTiesToEven() {
        // halfway between 1 and 1 + 2^-7: tie, 1 has the even mantissa
        assertThat(Bf16Round.round(1.0f + 0x1p-8f)).isEqualTo(1.0f);
        // halfway between 1 + 2^-7 (odd) and 1 + 2^-6 (even)
        assertThat(Bf16Round.round(1.0f + 3 * 0x1p-8f)).isEqualTo(1.0f + 0x1p-6f);
        // just above the halfway point rounds up
        assertThat(Bf16Round.round(1.0f + 0x1p-8f + 0x1p-20f)).isEqualTo(1.0f + 0x1p-7f);
        // 259 lies between 258 (odd mantissa) and 260 (even): 260; 257 between 256 (even) and 258: 256
        assertThat(Bf16Round.round(259f)).isEqualTo(260f);
        assertThat(Bf16Round.round(257f)).isEqualTo(256f);
        assertThat(Bf16Round.round(-259f)).isEqualTo(-260f);
    }

    @Test
    void specialValues() {
        assertThat(Bf16Round.round(Float.NaN)).isNaN();
        assertThat(Bf16Round.round(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Bf16Round.round(Float.MAX_VALUE)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Bf16Round.isBf16(Bf16Round.round(0.1f))).isTrue();
        assertThat(Bf16Round.isBf16(0.1f)).isFalse();
    }

    @Test
    void roundDoubleGoesThroughFloat() {
        assertThat(Bf16Round.round(Math.PI)).isEqualTo(3.140625f); // 1.5703125 * 2
        assertThat(Bf16Round.roundAll(new float[] {1.0f + 0x1p-8f, 259f})).containsExactly(1.0f, 260f);
    }
}
