package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.fusescope.kernels.cuda.Bf16;
import org.junit.jupiter.api.Test;

class SyntheticWeightsTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");

    @Test
    void deterministicPerSeedAndLayer() {
        MoeWeights a = SyntheticWeights.generate(TINY, 0, 7);
        MoeWeights b = SyntheticWeights.generate(TINY, 0, 7);
        assertThat(a.w13()).isEqualTo(b.w13());
        assertThat(a.norm()).isEqualTo(b.norm());
        assertThat(SyntheticWeights.generate(TINY, 1, 7).w13()).isNotEqualTo(a.w13());
        assertThat(SyntheticWeights.generate(TINY, 0, 8).router()).isNotEqualTo(a.router());
    }

    @Test
    void scaleKeepsUnitActivations() {
        MoeWeights w = SyntheticWeights.generate(TINY, 0, 1);
        assertThat(std(w.w13())).isCloseTo(1 / Math.sqrt(TINY.hidden()), within(0.003));
        assertThat(std(w.w2())).isCloseTo(1 / Math.sqrt(TINY.inter()), within(0.005));
        for (float x : Bf16.toFloats(w.norm())) {
            assertThat(Math.abs(x)).isLessThanOrEqualTo(0.0501f);
        }
    }

    @Test
    void sharedExpertAppendedAsExpertE() {
        MoeWeights w = SyntheticWeights.generate(TINY, 0, 1);
        short[] table = w.w13Table(true);
        assertThat(table).hasSize(w.w13().length + w.sharedW13().length);
        assertThat(Arrays.copyOfRange(table, w.w13().length, table.length)).isEqualTo(w.sharedW13());
        assertThat(w.w2Table(false)).isSameAs(w.w2());
        assertThat(w.w2Table(true)).hasSize(w.w2().length + w.sharedW2().length);
        assertThat(w).hasToString("MoeWeights[layer 0 of tiny]");
    }

    @Test
    void lengthsAreChecked() {
        MoeWeights w = SyntheticWeights.generate(TINY, 0, 1);
        assertThatThrownBy(() -> new MoeWeights(
                        TINY, 0, w.router(), w.w2(), w.w2(), w.sharedW13(), w.sharedW2(), w.sharedGate(), w.norm()))
                .hasMessageContaining("w13: expected");
        assertThatThrownBy(() -> SyntheticWeights.generate(TINY, 4, 1)).hasMessageContaining("layer 4 outside 0..3");
    }

    private static double std(short[] bf16) {
        double sum = 0;
        for (float x : Bf16.toFloats(bf16)) {
            sum += x * x;
        }
        return Math.sqrt(sum / bf16.length);
    }
}
