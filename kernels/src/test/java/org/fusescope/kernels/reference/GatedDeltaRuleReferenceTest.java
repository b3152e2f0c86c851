package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fusescope.kernels.reference.Bf16Assertions.assertWithinUlps;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Random;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;

/** The gated delta rule reference: by hand, and the properties of the delta rule and of the gates. */
class GatedDeltaRuleReferenceTest {
    private static final float EPS = 1e-6f;

    /** One token, no z (the rule does not read it). */
    private static GdnPacked step(float[] q, float[] k, float[] v, float[] a, float[] b) {
        return new GdnPacked(q, k, v, new float[v.length], b, a);
    }

    @Test
    void oneHeadByHand() {
        LinearAttentionDims s = LayerDims.gdn(1, 1, 2, 2, 4);
        // k = [3, 4] -> k^ = [0.6, 0.8]; q = [0, 2] -> q^ = [0, 1] / sqrt(2) (eps 0)
        // a + dt_bias = 0, A_log = 0: g = -ln 2, decay 0.5; b = 0: beta = 0.5
        GdnPacked in = step(
                new float[] {0, 2}, new float[] {3, 4}, new float[] {1.5f, 3.25f}, new float[] {0}, new float[] {0});
        float[] state = {1, 2, 3, 4}; // S[i][j] at i*Dv + j
        GatedDeltaRuleReference.Result r =
                GatedDeltaRuleReference.apply(in, new float[] {0}, new float[] {0}, state, 1, s, 0f);
        // S*0.5 = [[0.5, 1], [1.5, 2]]; S^T k^ = [1.5, 2.2]; v' = 0.5*([1.5, 3.25] - [1.5, 2.2]) = [0, 0.525]
        // S += k^ v'^T: [[0.5, 1.315], [1.5, 2.42]]
        assertThat(r.state()[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(r.state()[1]).isCloseTo(1.315f, within(1e-6f));
        assertThat(r.state()[2]).isCloseTo(1.5f, within(1e-6f));
        assertThat(r.state()[3]).isCloseTo(2.42f, within(1e-6f));
        // o = S^T q^ = [1.5, 2.42] / sqrt(2) = [1.06066, 1.711198] -> bf16 [1.0625, 1.7109375]
        assertThat(r.o()).containsExactly(1.0625f, 1.7109375f);
        assertThat(state).as("input state untouched").containsExactly(1, 2, 3, 4);
    }

    @Test
    void withFullWriteStrengthAndNoDecayTheStateReturnsVAtK() {
        Random random = new Random(21);
        LinearAttentionDims s = LayerDims.gdn(1, 1, 8, 5, 4);
        float[] k = randomBf16(random, 8, 2);
        float[] v = randomBf16(random, 5, 2);
        float[] state = randomBf16(random, 40, 1);
        // A_log = -inf: g = 0, no decay; b = 40: beta = 1 - 4e-18
        GdnPacked in = step(k.clone(), k, v, new float[] {0.3f}, new float[] {40});
        GatedDeltaRuleReference.Result r = GatedDeltaRuleReference.apply(
                in, new float[] {Float.NEGATIVE_INFINITY}, new float[] {0}, state, 1, s, EPS);
        double[] kn = GatedDeltaRuleReference.l2Normalized(k, 0, 8, EPS, 1);
        for (int j = 0; j < 5; j++) {
            double read = 0;
            for (int i = 0; i < 8; i++) {
                read += r.state()[i * 5 + j] * kn[i];
            }
            assertThat(read).as("S^T k^ at column %d", j).isCloseTo(v[j], within(1e-5));
        }
        // q = k: o = S^T k^ / sqrt(Dk) = v / sqrt(8)
        float[] expected = new float[5];
        for (int j = 0; j < 5; j++) {
            expected[j] = Bf16Round.round(v[j] / Math.sqrt(8));
        }
        assertWithinUlps(r.o(), expected, 1);
    }

    @Test
    void withoutWriteStrengthTheStateOnlyDecays() {
        Random random = new Random(22);
        LinearAttentionDims s = LayerDims.gdn(1, 1, 4, 4, 4);
        float[] state = randomBf16(random, 16, 1);
        float aLog = 0.5f;
        float a = -0.75f;
        float dtBias = 0.25f;
        GdnPacked in = step(
                randomBf16(random, 4, 1),
                randomBf16(random, 4, 1),
                randomBf16(random, 4, 1),
                new float[] {a},
                new float[] {-40});
        GatedDeltaRuleReference.Result r =
                GatedDeltaRuleReference.apply(in, new float[] {aLog}, new float[] {dtBias}, state, 1, s, EPS);
        double decay = Math.exp(-Math.exp(aLog) * Math.log(1 + Math.exp(a + dtBias)));
        assertThat(decay).isBetween(0.1, 0.9);
        for (int i = 0; i < 16; i++) {
            assertThat((double) r.state()[i]).isCloseTo(state[i] * decay, within(1e-6));
        }
    }

    @Test
    void softplusFollowsItsArgumentAboveTwenty() {
        assertThat(GatedDeltaRuleReference.softplus(0)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(GatedDeltaRuleReference.softplus(25)).isEqualTo(25);
        assertThat(GatedDeltaRuleReference.softplus(-30)).isCloseTo(Math.exp(-30), within(1e-20));
    }

    @Test
    void valueHeadsReadTheirGroupsKeyHead() {
        Random random = new Random(23);
        LinearAttentionDims s = LayerDims.gdn(2, 4, 4, 3, 4); // value heads 0, 1 -> key head 0; 2, 3 -> key head 1
        float[] q = randomBf16(random, 8, 1);
        float[] k = randomBf16(random, 8, 1);
        GdnPacked in = step(q, k, randomBf16(random, 12, 1), randomBf16(random, 4, 1), randomBf16(random, 4, 1));
        float[] aLog = randomBf16(random, 4, 1);
        float[] dt = randomBf16(random, 4, 1);
        float[] state = randomBf16(random, 4 * 12, 1);
        GatedDeltaRuleReference.Result base = GatedDeltaRuleReference.apply(in, aLog, dt, state, 1, s, EPS);
        float[] q2 = q.clone();
        float[] k2 = k.clone();
        for (int i = 4; i < 8; i++) { // key head 1 only
            q2[i] = -q2[i] + 0.5f;
            k2[i] = k2[i] * 2 - 0.25f;
        }
        GdnPacked changed = new GdnPacked(q2, k2, in.v(), in.z(), in.b(), in.a());
        GatedDeltaRuleReference.Result r = GatedDeltaRuleReference.apply(changed, aLog, dt, state, 1, s, EPS);
        for (int h = 0; h < 4; h++) {
            float[] before = java.util.Arrays.copyOfRange(base.o(), h * 3, h * 3 + 3);
            float[] after = java.util.Arrays.copyOfRange(r.o(), h * 3, h * 3 + 3);
            if (h < 2) {
                assertThat(after).as("head %d", h).containsExactly(before);
            } else {
                assertThat(after).as("head %d", h).isNotEqualTo(before);
            }
        }
    }

    @Test
    void badShapesAreNamed() {
        LinearAttentionDims s = LayerDims.gdn(1, 2, 4, 4, 4);
        GdnPacked in =
                new GdnPacked(new float[4], new float[4], new float[8], new float[8], new float[2], new float[2]);
        assertThatThrownBy(
                        () -> GatedDeltaRuleReference.apply(in, new float[2], new float[2], new float[31], 1, s, EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state: expected length 32 [tokens=1, Hv=2, Dk=4, Dv=4] but was 31");
        GdnPacked shortV =
                new GdnPacked(new float[4], new float[4], new float[7], new float[8], new float[2], new float[2]);
        assertThatThrownBy(() ->
                        GatedDeltaRuleReference.apply(shortV, new float[2], new float[2], new float[32], 1, s, EPS))
                .hasMessage("v: expected length 8 [tokens=1, Hv*Dv=8] but was 7");
        assertThatThrownBy(
                        () -> GatedDeltaRuleReference.apply(in, new float[1], new float[2], new float[32], 1, s, EPS))
                .hasMessage("aLog: expected length 2 [Hv=2] but was 1");
    }
}
