package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusescope.kernels.shape.ModelDims;
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

    @Test
    void theTensorCoreEntryTakesTheResolvedThresholdAsItsLastArgument() {
        Object[] args = {"y", 3};
        assertThat(TensorCorePolicy.entry("grouped_gemm1", TensorCorePolicy.CUDA_CORES_ONLY))
                .isEqualTo("grouped_gemm1_kernel");
        assertThat(TensorCorePolicy.entry("grouped_gemm1", TensorCorePolicy.AUTO))
                .isEqualTo("grouped_gemm1_tc_kernel");
        assertThat(TensorCorePolicy.launchArgs(args, TensorCorePolicy.CUDA_CORES_ONLY, ModelDims.QWEN3_NEXT, 256))
                .containsExactly("y", 3);
        assertThat(TensorCorePolicy.launchArgs(args, TensorCorePolicy.AUTO, ModelDims.QWEN3_NEXT, 256))
                .containsExactly("y", 3, 1);
        assertThat(TensorCorePolicy.launchArgs(args, TensorCorePolicy.AUTO, ModelDims.QWEN3_NEXT, 1))
                .containsExactly("y", 3, TensorCorePolicy.HEAVY_EXPERT_SLOTS);
    }
}
