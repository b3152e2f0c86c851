package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorCorePolicyTest {
    @Test
    void autoSendsEveryExpertToTheTensorCoresOnlyFromFourSlotsPerExpert() {
        ModelDims d = ModelDims.QWEN3_NEXT; // K = 10, E = 512: 4 slots per expert at M >= 205
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d, 1))
                .isEqualTo(TensorCorePolicy.HEAVY_EXPERT_SLOTS);
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d, 64))
                .isEqualTo(TensorCorePolicy.HEAVY_EXPERT_SLOTS);
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d, 204))
                .isEqualTo(TensorCorePolicy.HEAVY_EXPERT_SLOTS);
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d, 205)).isEqualTo(1);
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d.withSharedAsExpert(true), 256))
                .isEqualTo(1);
    }

    @Test
    void anExplicitThresholdIsKeptAndANegativeOneRefused() {
        assertThat(TensorCorePolicy.resolve(8, ModelDims.TINY, 1000)).isEqualTo(8);
        assertThatThrownBy(() -> TensorCorePolicy.check(-1)).hasMessageContaining("negative");
    }
}
