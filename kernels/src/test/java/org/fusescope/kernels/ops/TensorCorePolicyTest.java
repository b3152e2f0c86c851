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

    @Test
    void thePipelinedEntryIsATensorCoreKernelOnly() {
        assertThat(TensorCorePolicy.entry("grouped_gemm2", TensorCorePolicy.AUTO, true))
                .isEqualTo("grouped_gemm2_tcp_kernel");
        assertThat(TensorCorePolicy.entry("grouped_gemm2", 1, false)).isEqualTo("grouped_gemm2_tc_kernel");
        assertThatThrownBy(() -> TensorCorePolicy.entry("grouped_gemm2", TensorCorePolicy.CUDA_CORES_ONLY, true))
                .hasMessageContaining("need the tensor cores");
    }

    @Test
    void thePipelinedKernelsExistWhereTheirRoundsAndRowsDivideTheSizes() {
        // the sources' conditions: gemm1 H % 128 and 2I % 16, gemm2 I % 256 and H % 16
        assertThat(GroupedGemm1Kernel.pipelinedFits(ModelDims.QWEN3_NEXT)).isTrue();
        assertThat(GroupedGemm2Kernel.pipelinedFits(ModelDims.QWEN3_NEXT)).isTrue();
        assertThat(GroupedGemm1Kernel.pipelinedFits(ModelDims.QWEN35)).isTrue();
        assertThat(GroupedGemm2Kernel.pipelinedFits(ModelDims.QWEN35)).isTrue();
        assertThat(TensorCorePolicy.pipelinedFits(2048, 1024, 2)).isTrue();
        assertThat(TensorCorePolicy.pipelinedFits(2048 + 64, 1024, 2)).isFalse();
        assertThat(TensorCorePolicy.pipelinedFits(512, 2048, 4)).isTrue();
        assertThat(TensorCorePolicy.pipelinedFits(128, 2048, 4)).isFalse();
        assertThat(TensorCorePolicy.pipelinedFits(512, 2040, 4)).isFalse();
    }

    @Test
    void aGemmMaySendEveryExpertToTheTensorCoresFromItsOwnSlotsPerExpert() {
        ModelDims d = ModelDims.QWEN3_NEXT; // 1 slot per expert on average from M = 52 (K = 10, E = 512)
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d, 51, 1.0))
                .isEqualTo(TensorCorePolicy.HEAVY_EXPERT_SLOTS);
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d, 52, 1.0)).isEqualTo(1);
        assertThat(TensorCorePolicy.resolve(TensorCorePolicy.AUTO, d, 64, TensorCorePolicy.ALL_EXPERTS_FROM))
                .isEqualTo(TensorCorePolicy.HEAVY_EXPERT_SLOTS);
        assertThat(TensorCorePolicy.resolve(16, d, 64, 1.0)).isEqualTo(16);
        assertThat(TensorCorePolicy.launchArgs(new Object[] {"a"}, TensorCorePolicy.AUTO, d, 64, 1.0))
                .containsExactly("a", 1);
    }
}
