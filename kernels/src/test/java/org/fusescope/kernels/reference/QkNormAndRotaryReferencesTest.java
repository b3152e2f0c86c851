package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Random;
import org.fusescope.kernels.shape.AttentionDims;
import org.junit.jupiter.api.Test;

class QkNormAndRotaryReferencesTest {
    private final Random random = new Random(11);

    @Test
    void queryGateLayoutSplitsEachHeadIntoQueryAndGate() {
        // 1 row, Hq = 2, D = 2: [q00 q01 | g00 g01 | q10 q11 | g10 g11]
        float[] qGate = {1, 2, 3, 4, 5, 6, 7, 8};
        AttentionDims heads = LayerDims.heads(2, 1, 2);
        assertThat(QueryGateLayout.queries(qGate, 1, heads)).containsExactly(1f, 2f, 5f, 6f);
        assertThat(QueryGateLayout.gates(qGate, 1, heads)).containsExactly(3f, 4f, 7f, 8f);
    }

    @Test
    void qkNormByHandWithSeparateWeights() {
        // q head [3, 4] (gate [9, 9] ignored), qWeight [0, 1]: the rmsnorm case 0.84765625, 2.265625
        // k head [3, 4], kWeight [1, 0]: 3 * 0.2828427 * 2 = 1.697056 -> 1 + 89/128; 4 * 0.2828427 = 1.131371 -> 1 +
        // 17/128
        QkRmsNormReference.Result r = QkRmsNormReference.apply(
                new float[] {3, 4, 9, 9},
                new float[] {3, 4},
                new float[] {0, 1},
                new float[] {1, 0},
                1,
                LayerDims.heads(1, 1, 2),
                0f);
        assertThat(r.q()).containsExactly(0.84765625f, 2.265625f);
        assertThat(r.k()).containsExactly(1 + 89 / 128f, 1 + 17 / 128f);
    }

    @Test
    void qkNormNormalizesEveryHeadOnItsOwnAndIgnoresTheGate() {
        AttentionDims heads = LayerDims.heads(4, 2, 16);
        int rows = 3;
        float[] qGate = randomBf16(random, rows * 2 * heads.queryWidth(), 3);
        float[] k = randomBf16(random, rows * heads.kvWidth(), 3);
        float[] qw = randomBf16(random, 16, 0.5);
        float[] kw = randomBf16(random, 16, 0.5);
        QkRmsNormReference.Result r = QkRmsNormReference.apply(qGate, k, qw, kw, rows, heads, 0f);
        // scale query head 5 (row 1, head 1) by 4 and change its gate: with eps 0 every step scales by a
        // power of two, so q is bit-identical
        float[] changed = qGate.clone();
        for (int i = 0; i < 16; i++) {
            changed[5 * 32 + i] *= 4;
            changed[5 * 32 + 16 + i] = 7;
        }
        assertThat(QkRmsNormReference.apply(changed, k, qw, kw, rows, heads, 0f).q())
                .containsExactly(r.q());
        // with w = 0 every normed k head has a mean square of 1 up to the bf16 rounding
        float[] unit = QkRmsNormReference.apply(qGate, k, qw, new float[16], rows, heads, 0f)
                .k();
        for (int h = 0; h < rows * heads.kvHeads(); h++) {
            double ss = 0;
            for (int i = 0; i < 16; i++) {
                ss += unit[h * 16 + i] * unit[h * 16 + i];
            }
            assertThat(ss / 16).isCloseTo(1.0, within(0.01));
        }
    }

    @Test
    void inverseFrequenciesAreThetaToTheMinusTwoIOverR() {
        // R = 4, theta = 100: 1 / 100^0 = 1, 1 / 100^(2/4) = 0.1
        assertThat(RotaryPartialReference.inverseFrequencies(4, 100)).containsExactly(1f, 0.1f);
        float[] inv = RotaryPartialReference.inverseFrequencies(64, 1e7);
        assertThat(inv[0]).isEqualTo(1f);
        assertThat((double) inv[31]).isCloseTo(Math.pow(1e7, -62.0 / 64), within(1e-12));
    }

    @Test
    void rotaryByHandPairsIWithIPlusHalfAndLeavesTheRestAlone() {
        // D = 6, R = 4: pairs (0, 2) and (1, 3); dims 4, 5 untouched. theta 100, position 2:
        // angle 2 (cos -0.416015625, sin 0.91015625 in bf16) and 0.2 (cos 0.98046875, sin 0.1982421875)
        // x = [1, 0, 0, 1, 5, 7]: out0 = cos2 = -0.41615 -> -0.416015625; out2 = sin2 -> 0.91015625
        // out1 = x1 cos.2 - x3 sin.2 = -0.198669 -> -0.1982421875; out3 = x3 cos.2 + x1 sin.2 -> 0.98046875
        float[] out = RotaryPartialReference.apply(new float[] {1, 0, 0, 1, 5, 7}, new int[] {2}, 1, 1, 6, 4, 100);
        assertThat(out).containsExactly(-0.416015625f, -0.1982421875f, 0.91015625f, 0.98046875f, 5f, 7f);
    }

    @Test
    void rotaryAtPositionZeroIsTheIdentityAndPreservesPairNorms() {
        int rows = 2;
        float[] x = randomBf16(random, rows * 3 * 32, 2);
        assertThat(RotaryPartialReference.apply(x, new int[] {0, 0}, rows, 3, 32, 16, 1e4))
                .containsExactly(x);
        float[] y = RotaryPartialReference.apply(x, new int[] {4095, 17}, rows, 3, 32, 16, 1e4);
        for (int h = 0; h < rows * 3; h++) {
            for (int i = 0; i < 8; i++) {
                double before = Math.hypot(x[h * 32 + i], x[h * 32 + i + 8]);
                double after = Math.hypot(y[h * 32 + i], y[h * 32 + i + 8]);
                assertThat(after).isCloseTo(before, within(0.02 * before + 1e-6));
            }
            for (int i = 16; i < 32; i++) {
                assertThat(y[h * 32 + i]).isEqualTo(x[h * 32 + i]);
            }
        }
    }
}
