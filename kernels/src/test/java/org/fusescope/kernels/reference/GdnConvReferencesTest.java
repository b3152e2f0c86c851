package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Random;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;

/** causal_conv1d_update, gdn_split and conv_pack_gdn references: by hand, over a sequence, fused = unfused. */
class GdnConvReferencesTest {
    /** Hk = Hv = Dk = Dv = 1, W = 3: conv channels q, k, v; projection row q k v z b a. */
    private static final LinearAttentionDims ONE = LayerDims.gdn(1, 1, 1, 1, 3);

    @Test
    void convByHand() {
        float[] projection = {2, 1, 4, 9, 9, 9};
        float[] weight = {0.5f, 0.25f, 1, /* ch1 */ 1, 1, -1, /* ch2 */ 1, 0.5f, 0};
        float[] bias = {0, 1, 0};
        float[] state = {1, 2, /* ch1 */ 0, 0, /* ch2 */ -1, -2};
        CausalConv1dUpdateReference.Result r =
                CausalConv1dUpdateReference.apply(projection, weight, bias, state, 1, ONE);
        // ch0: 1*0.5 + 2*0.25 + 2*1 = 3, silu(3) = 2.857722 -> bf16 2.859375
        // ch1: bias 1 + 0 + 0 + 1*(-1) = 0 -> 0;  ch2: -1 - 1 + 0 = -2, silu(-2) = -0.238406 -> -0.23828125
        assertThat(r.y()).containsExactly(2.859375f, 0f, -0.23828125f);
        // each channel drops its oldest column and appends x
        assertThat(r.state()).containsExactly(2, 2, 0, 1, -2, 4);
        assertThat(state).as("input state untouched").containsExactly(1, 2, 0, 0, -1, -2);
    }

    @Test
    void twoStepsEqualTheCausalConvOverTheSequence() {
        Random random = new Random(11);
        LinearAttentionDims s = LayerDims.gdn(2, 4, 3, 2, 4);
        int tokens = 2;
        float[] weight = randomBf16(random, s.convDim() * 4, 1);
        float[] state0 = randomBf16(random, tokens * s.convDim() * 3, 2);
        float[] p1 = randomBf16(random, tokens * s.projectionDim(), 2);
        float[] p2 = randomBf16(random, tokens * s.projectionDim(), 2);
        CausalConv1dUpdateReference.Result r1 = CausalConv1dUpdateReference.apply(p1, weight, null, state0, tokens, s);
        CausalConv1dUpdateReference.Result r2 =
                CausalConv1dUpdateReference.apply(p2, weight, null, r1.state(), tokens, s);
        for (int t = 0; t < tokens; t++) {
            for (int c = 0; c < s.convDim(); c++) {
                int st = (t * s.convDim() + c) * 3;
                float x1 = p1[t * s.projectionDim() + c];
                float x2 = p2[t * s.projectionDim() + c];
                double[] window = {state0[st + 1], state0[st + 2], x1, x2}; // the last W inputs
                double acc = 0;
                for (int i = 0; i < 4; i++) {
                    acc += window[i] * weight[c * 4 + i];
                }
                assertThat(r2.y()[t * s.convDim() + c]).isEqualTo(Bf16Round.round(Activations.silu(acc)));
                assertThat(new float[] {r2.state()[st], r2.state()[st + 1], r2.state()[st + 2]})
                        .containsExactly(state0[st + 2], x1, x2);
            }
        }
    }

    @Test
    void splitPlacesEverySegment() {
        LinearAttentionDims s = LayerDims.gdn(1, 2, 1, 1, 2); // q 1, k 1, v 2 | z 2, b 2, a 2: convDim 4, row 10
        float[] y = {1, 2, 3, 4, /* t1 */ 11, 12, 13, 14};
        float[] projection = {0, 0, 0, 0, 5, 6, 7, 8, 9, 10, /* t1 */ 0, 0, 0, 0, 15, 16, 17, 18, 19, 20};
        GdnPacked p = GdnSplitReference.apply(y, projection, 2, s);
        assertThat(p.q()).containsExactly(1, 11);
        assertThat(p.k()).containsExactly(2, 12);
        assertThat(p.v()).containsExactly(3, 4, 13, 14);
        assertThat(p.z()).containsExactly(5, 6, 15, 16);
        assertThat(p.b()).containsExactly(7, 8, 17, 18);
        assertThat(p.a()).containsExactly(9, 10, 19, 20);
    }

    @Test
    void packEqualsConvThenSplitWithAndWithoutBias() {
        Random random = new Random(12);
        LinearAttentionDims s = LayerDims.gdn(2, 6, 4, 3, 4);
        int tokens = 3;
        float[] projection = randomBf16(random, tokens * s.projectionDim(), 2);
        float[] weight = randomBf16(random, s.convDim() * 4, 1);
        float[] state = randomBf16(random, tokens * s.convDim() * 3, 2);
        for (float[] bias : new float[][] {null, randomBf16(random, s.convDim(), 1)}) {
            CausalConv1dUpdateReference.Result conv =
                    CausalConv1dUpdateReference.apply(projection, weight, bias, state, tokens, s);
            GdnPacked split = GdnSplitReference.apply(conv.y(), projection, tokens, s);
            ConvPackGdnReference.Result fused = ConvPackGdnReference.apply(projection, weight, bias, state, tokens, s);
            assertThat(fused.packed().q()).containsExactly(split.q());
            assertThat(fused.packed().k()).containsExactly(split.k());
            assertThat(fused.packed().v()).containsExactly(split.v());
            assertThat(fused.packed().z()).containsExactly(split.z());
            assertThat(fused.packed().b()).containsExactly(split.b());
            assertThat(fused.packed().a()).containsExactly(split.a());
            assertThat(fused.state()).containsExactly(conv.state());
        }
        float[] withBias = ConvPackGdnReference.apply(
                        projection, weight, randomBf16(random, s.convDim(), 1), state, tokens, s)
                .packed()
                .q();
        assertThat(withBias)
                .isNotEqualTo(ConvPackGdnReference.apply(projection, weight, null, state, tokens, s)
                        .packed()
                        .q());
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(
                        () -> CausalConv1dUpdateReference.apply(new float[5], new float[9], null, new float[6], 1, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("projection: expected length 6 [tokens=1, projectionDim=6] but was 5");
        assertThatThrownBy(() -> ConvPackGdnReference.apply(new float[6], new float[9], null, new float[4], 1, ONE))
                .hasMessage("state: expected length 6 [tokens=1, convDim=3, W-1=2] but was 4");
        assertThatThrownBy(() -> CausalConv1dUpdateReference.apply(
                        new float[6], new float[9], new float[2], new float[6], 1, ONE))
                .hasMessage("bias: expected length 3 [convDim=3] but was 2");
        assertThatThrownBy(() -> GdnSplitReference.apply(new float[3], new float[5], 1, ONE))
                .hasMessage("projection: expected length 6 [tokens=1, projectionDim=6] but was 5");
        assertThatThrownBy(() -> LayerDims.gdn(2, 3, 8, 8, 4))
                .hasMessage("valueHeads: expected a multiple of keyHeads (2) but was 3");
        assertThatThrownBy(() -> LayerDims.gdn(1, 1, 8, 8, 1)).hasMessage("convKernel: expected >= 2 but was 1");
    }
}
