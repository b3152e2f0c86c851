package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Bf16Test {

    private static short bits(int b) {
        return (short) b;
    }

    private static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    @Test
    void representableValuesRoundTripExactly() {
        float[] values = {
            0f, -0f, 1f, -1f, 0.5f, 2f, 3f, 1.5f, -2.75f, 65536f, 1.0078125f, Float.MIN_NORMAL, 3.3895314e38f
        };
        for (float v : values) {
            assertThat(Bf16.toFloat(Bf16.fromFloat(v))).isEqualTo(v);
        }
        for (int b = 0; b < 0x10000; b++) {
            float v = Bf16.toFloat(bits(b));
            if (!Float.isNaN(v)) {
                assertThat(Bf16.fromFloat(v)).as("bits %04x", b).isEqualTo(bits(b));
            }
        }
    }

    @Test
    void knownEncodings() {
        assertThat(Bf16.fromFloat(1f)).isEqualTo(bits(0x3F80));
        assertThat(Bf16.fromFloat(-2f)).isEqualTo(bits(0xC000));
        assertThat(Bf16.fromFloat(-0f)).isEqualTo(bits(0x8000));
        assertThat(Bf16.toFloat(bits(0x4049))).isEqualTo(3.140625f);
    }

    @Test
    void roundsToNearestTiesToEven() {
        // 1 + 2^-8 lies exactly between 1 (0x3F80, even) and 1 + 2^-7 (0x3F81): ties go to the even 0x3F80
        assertThat(Bf16.fromFloat(f(0x3F808000))).isEqualTo(bits(0x3F80));
        // between 0x3F81 (odd) and 0x3F82: ties go up to 0x3F82
        assertThat(Bf16.fromFloat(f(0x3F818000))).isEqualTo(bits(0x3F82));
        // just above and below the halfway point
        assertThat(Bf16.fromFloat(f(0x3F808001))).isEqualTo(bits(0x3F81));
        assertThat(Bf16.fromFloat(f(0x3F807FFF))).isEqualTo(bits(0x3F80));
        // negative numbers round the magnitude the same way
        assertThat(Bf16.fromFloat(f(0xBF818000))).isEqualTo(bits(0xBF82));
        // a carry from the mantissa into the exponent: 1.99999 → 2
        assertThat(Bf16.fromFloat(f(0x3FFFFFFF))).isEqualTo(bits(0x4000));
        // pi = 0x40490FDB → 0x4049 (remainder 0x0FDB < 0x8000)
        assertThat(Bf16.fromFloat((float) Math.PI)).isEqualTo(bits(0x4049));
    }

    @Test
    void infinitiesAndOverflow() {
        assertThat(Bf16.fromFloat(Float.POSITIVE_INFINITY)).isEqualTo(bits(0x7F80));
        assertThat(Bf16.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo(bits(0xFF80));
        // the largest float is above the largest bf16 by more than half an ulp: rounds to infinity
        assertThat(Bf16.fromFloat(Float.MAX_VALUE)).isEqualTo(bits(0x7F80));
        assertThat(Bf16.fromFloat(-Float.MAX_VALUE)).isEqualTo(bits(0xFF80));
        assertThat(Bf16.toFloat(bits(0x7F80))).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void nanStaysNan() {
        assertThat(Bf16.toFloat(Bf16.fromFloat(Float.NaN))).isNaN();
        // payload only in the low 16 bits: plain truncation would give infinity
        short low = Bf16.fromFloat(f(0x7F800001));
        assertThat(Bf16.toFloat(low)).isNaN();
        assertThat(low).isEqualTo(bits(0x7FC0));
        short negative = Bf16.fromFloat(f(0xFF800001));
        assertThat(Bf16.toFloat(negative)).isNaN();
        assertThat(negative & 0x8000).isEqualTo(0x8000);
        assertThat(Bf16.toFloat(bits(0xFFFF))).isNaN(); // what fill((byte) 0xFF) leaves
    }

    @Test
    void subnormals() {
        // the smallest bf16 subnormal is 2^-133 (0x0001)
        assertThat(Bf16.toFloat(bits(0x0001))).isEqualTo((float) Math.scalb(1.0, -133));
        assertThat(Bf16.fromFloat((float) Math.scalb(1.0, -133))).isEqualTo(bits(0x0001));
        // the smallest float subnormal is far below half of that: rounds to +0
        assertThat(Bf16.fromFloat(Float.MIN_VALUE)).isEqualTo(bits(0x0000));
        // exactly half of 2^-133 is a tie between 0x0000 (even) and 0x0001: goes to 0
        assertThat(Bf16.fromFloat(f(0x00008000))).isEqualTo(bits(0x0000));
        assertThat(Bf16.fromFloat(f(0x00018000))).isEqualTo(bits(0x0002));
        assertThat(Bf16.fromFloat(f(0x00008001))).isEqualTo(bits(0x0001));
    }

    @Test
    void arrayVersions() {
        float[] values = {1f, -0.5f, (1f + 0x1p-8f), Float.NaN};
        short[] b = Bf16.fromFloats(values);
        assertThat(b).containsExactly(bits(0x3F80), bits(0xBF00), bits(0x3F80), bits(0x7FC0));
        float[] back = Bf16.toFloats(b);
        assertThat(back[0]).isEqualTo(1f);
        assertThat(back[1]).isEqualTo(-0.5f);
        assertThat(back[2]).isEqualTo(1f);
        assertThat(back[3]).isNaN();
        assertThat(Bf16.round((1f + 0x1p-8f))).isEqualTo(1f);
    }
}
