package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fusescope.kernels.reference.Bf16Assertions.assertWithinUlps;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Random;
import org.fusescope.kernels.shape.AttentionDims;
import org.junit.jupiter.api.Test;

class AttentionGateAndShapesReferenceTest {
    @Test
    void gateSigmoidAndSigmoidMulByHand() {
        // Hq 1, D 2: [query 9 9 | gate 0 2]; sigmoid(0) = 0.5, sigmoid(2) = 0.880797 -> (1 + 97/128) / 2
        // attn [2, -4] * sigmoid(gate) = [1, -3.523188 -> -(1 + 97/128) * 2]
        AttentionDims heads = LayerDims.heads(1, 1, 2);
        float[] qGate = {9, 9, 0, 2};
        assertThat(AttnGateSigmoidReference.apply(qGate, 1, heads)).containsExactly(0.5f, (1 + 97 / 128f) / 2);
        assertThat(AttnGateSigmoidMulReference.apply(qGate, new float[] {2, -4}, 1, heads))
                .containsExactly(1f, -(1 + 97 / 128f) * 2);
    }

    @Test
    void fusedGateEqualsSigmoidThenMulUpToTheExtraRounding() {
        Random random = new Random(5);
        AttentionDims heads = LayerDims.heads(4, 2, 16);
        int rows = 3;
        float[] qGate = randomBf16(random, rows * 2 * heads.queryWidth(), 6);
        float[] attn = randomBf16(random, rows * heads.queryWidth(), 3);
        float[] fused = AttnGateSigmoidMulReference.apply(qGate, attn, rows, heads);
        float[] sig = AttnGateSigmoidReference.apply(qGate, rows, heads);
        int w = heads.queryWidth();
        assertWithinUlps(fused, MulReference.apply(attn, sig, rows, w, w), 1.0);
    }

    @Test
    void badShapesNameTheArgument() {
        assertThatThrownBy(() -> LayerDims.heads(3, 2, 8))
                .hasMessage("queryHeads: expected a multiple of kvHeads (2) but was 3");
        AttentionDims heads = LayerDims.heads(2, 1, 4);
        assertThatThrownBy(() -> QueryGateLayout.gates(new float[8], 1, heads))
                .hasMessage("qGate: expected length 16 [rows=1, queryHeads=2, 2*headDim=8] but was 8");
        assertThatThrownBy(() -> DecodeAttentionReference.apply(
                        new float[8], new float[12], new float[11], new int[1], 1, heads, 3))
                .hasMessage("vCache: expected length 12 [rows=1, kvHeads=1, maxContext=3, headDim=4] but was 11");
        assertThatThrownBy(() -> KvAppendReference.apply(
                        new float[12], new float[12], new float[4], new float[4], new int[2], 1, heads, 3))
                .hasMessage("positions: expected length 1 [rows=1] but was 2");
        assertThatThrownBy(() -> RotaryPartialReference.apply(new float[8], new int[1], 1, 2, 4, 6, 1e4))
                .hasMessage("rotaryDim: expected <= headDim (4) but was 6");
    }
}
