package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;

class SyntheticMixerWeightsTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");

    @Test
    void eachLayerGetsTheMixerOfItsType() {
        for (int layer = 0; layer < TINY.layers(); layer++) {
            MixerWeights w = SyntheticWeights.mixer(TINY, layer, 3);
            assertThat(w.type()).isEqualTo(TINY.layerType(layer));
            assertThat(w.layer()).isEqualTo(layer);
        }
        assertThat(SyntheticWeights.mixer(TINY, 3, 3)).isInstanceOf(AttentionWeights.class);
        assertThat(SyntheticWeights.mixer(TINY, 0, 3))
                .isInstanceOf(LinearAttentionWeights.class)
                .hasToString("LinearAttentionWeights[layer 0 of tiny]");
    }

    @Test
    void deterministicPerSeedAndLayer() {
        LinearAttentionWeights a = (LinearAttentionWeights) SyntheticWeights.mixer(TINY, 0, 7);
        LinearAttentionWeights b = (LinearAttentionWeights) SyntheticWeights.mixer(TINY, 0, 7);
        assertThat(a.inProj()).isEqualTo(b.inProj());
        assertThat(a.aLog()).isEqualTo(b.aLog());
        assertThat(((LinearAttentionWeights) SyntheticWeights.mixer(TINY, 1, 7)).inProj())
                .isNotEqualTo(a.inProj());
        assertThat(((LinearAttentionWeights) SyntheticWeights.mixer(TINY, 0, 8)).inProj())
                .isNotEqualTo(a.inProj());
        // the mixer's stream is not the MoE block's
        assertThat(Arrays.copyOf(a.inputNorm(), 16))
                .isNotEqualTo(
                        Arrays.copyOf(SyntheticWeights.generate(TINY, 0, 7).router(), 16));
    }

    @Test
    void gatedDeltaNetScaleKeepsUnitActivations() {
        LinearAttentionWeights w = (LinearAttentionWeights) SyntheticWeights.mixer(TINY, 0, 1);
        LinearAttentionDims c = TINY.linear();
        assertThat(std(w.inProj())).isCloseTo(1 / Math.sqrt(TINY.hidden()), within(0.003));
        assertThat(std(w.outProj())).isCloseTo(1 / Math.sqrt(c.valueHeads() * c.valueDim()), within(0.005));
        assertThat(std(w.conv())).isCloseTo(1 / Math.sqrt(c.convKernel()), within(0.05));
        assertThat(floats(w.inputNorm()))
                .allSatisfy(x -> assertThat(Math.abs(x)).isLessThanOrEqualTo(0.0501f));
        assertThat(floats(w.norm())).allSatisfy(x -> assertThat(x).isBetween(0.949f, 1.051f));
        assertThat(floats(w.dtBias())).allSatisfy(x -> assertThat(x).isBetween(0.949f, 1.051f));
        assertThat(floats(w.aLog()))
                .allSatisfy(x -> assertThat(x).isBetween(0f, (float) Math.log(16) + 0.02f))
                .doesNotHaveDuplicates();
    }

    @Test
    void attentionScaleKeepsUnitActivations() {
        AttentionWeights w = (AttentionWeights) SyntheticWeights.mixer(TINY, 3, 1);
        AttentionDims c = TINY.attention();
        assertThat(std(w.qGateProj())).isCloseTo(1 / Math.sqrt(TINY.hidden()), within(0.003));
        assertThat(std(w.kProj())).isCloseTo(1 / Math.sqrt(TINY.hidden()), within(0.005));
        assertThat(std(w.oProj())).isCloseTo(1 / Math.sqrt(c.queryHeads() * c.headDim()), within(0.005));
        assertThat(floats(w.qNorm())).allSatisfy(x -> assertThat(Math.abs(x)).isLessThanOrEqualTo(0.0501f));
        assertThat(w.qNorm()).isNotEqualTo(w.kNorm());
    }

    @Test
    void qkvProjectionStacksQueryGateKeyAndValue() {
        AttentionWeights w = (AttentionWeights) SyntheticWeights.mixer(TINY, 3, 1);
        short[] all = w.qkvProj();
        int q = w.qGateProj().length;
        int k = w.kProj().length;
        assertThat(all).hasSize(q + 2 * k);
        assertThat(Arrays.copyOfRange(all, 0, q)).isEqualTo(w.qGateProj());
        assertThat(Arrays.copyOfRange(all, q, q + k)).isEqualTo(w.kProj());
        assertThat(Arrays.copyOfRange(all, q + k, all.length)).isEqualTo(w.vProj());
    }

    @Test
    void typesAndLengthsAreChecked() {
        LinearAttentionWeights g = (LinearAttentionWeights) SyntheticWeights.mixer(TINY, 0, 1);
        assertThatThrownBy(() -> new LinearAttentionWeights(
                        TINY, 3, g.inputNorm(), g.inProj(), g.conv(), g.dtBias(), g.aLog(), g.norm(), g.outProj()))
                .hasMessageContaining("layer 3 of tiny is of type full_attention, not linear_attention");
        assertThatThrownBy(() -> new LinearAttentionWeights(
                        TINY, 1, g.inputNorm(), g.outProj(), g.conv(), g.dtBias(), g.aLog(), g.norm(), g.outProj()))
                .hasMessageContaining("inProj: expected");
        AttentionWeights a = (AttentionWeights) SyntheticWeights.mixer(TINY, 3, 1);
        assertThatThrownBy(() -> new AttentionWeights(
                        TINY, 3, a.inputNorm(), a.kProj(), a.kProj(), a.vProj(), a.oProj(), a.qNorm(), a.kNorm()))
                .hasMessageContaining("qGateProj: expected");
        assertThatThrownBy(() -> SyntheticWeights.mixer(TINY, 4, 1)).hasMessageContaining("layer 4 outside 0..3");
    }

    @Test
    void syntheticWeightSourceServesTheMixers() {
        WeightSource source = WeightSource.synthetic(TINY, 5);
        assertThat(((AttentionWeights) source.mixer(3)).oProj())
                .isEqualTo(((AttentionWeights) SyntheticWeights.mixer(TINY, 3, 5)).oProj());
    }

    private static List<Float> floats(short[] bf16) {
        List<Float> out = new ArrayList<>();
        for (float x : Bf16.toFloats(bf16)) {
            out.add(x);
        }
        return out;
    }

    private static double std(short[] bf16) {
        double sum = 0;
        for (float x : Bf16.toFloats(bf16)) {
            sum += x * x;
        }
        return Math.sqrt(sum / bf16.length);
    }
}
