package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * moe_align (zero_counts + its kernel), moe_align_fused and moe_align_fused with shared-memory counts: counts exact,
 * slot lists equal as sets per expert.
 */
class MoeAlignKernelsTest extends GpuFixture {
    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#withAndWithoutShared")
    void unfusedAndFusedBuildTheReferenceTables(ModelDims d, int m) {
        SplittableRandom random = new SplittableRandom(600 + m);
        try (AlignBuffers unfused = new AlignBuffers(d, m, random);
                AlignBuffers fused = new AlignBuffers(d, m, random)) {
            inputsReady();
            MoeAlignKernel align = new MoeAlignKernel(lib, d);
            align.zeroCounts(stream, unfused.count);
            align.launch(
                    stream,
                    unfused.dIds,
                    unfused.dWeights,
                    unfused.count,
                    unfused.expertToTokens,
                    unfused.expertToWeights,
                    m);
            new MoeAlignFusedKernel(lib, d)
                    .launch(
                            stream,
                            fused.dIds,
                            fused.dWeights,
                            fused.count,
                            fused.expertToTokens,
                            fused.expertToWeights,
                            m);
            unfused.assertTables("moe_align " + d + " M=" + m);
            fused.assertTables("moe_align_fused " + d + " M=" + m);
        }
    }

    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#withAndWithoutShared")
    void sharedCountsBuildTheReferenceTables(ModelDims d, int m) {
        try (AlignBuffers b = new AlignBuffers(d, m, new SplittableRandom(650 + m))) {
            inputsReady();
            MoeAlignFusedKernel.withSharedCounts(lib, d)
                    .launch(stream, b.dIds, b.dWeights, b.count, b.expertToTokens, b.expertToWeights, m);
            b.assertTables("moe_align_shared_counts " + d + " M=" + m);
        }
    }

    @Test
    void fusedTakesTheMultiBlockPathAboveTheSingleBlockLimit() {
        ModelDims d = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);
        int m = 1024; // 11264 slots, above the single-block limit
        assertThat(MoeAlignFusedKernel.singleBlock((long) m * d.slotsPerToken()))
                .isFalse();
        try (AlignBuffers b = new AlignBuffers(d, m, new SplittableRandom(7))) {
            inputsReady();
            new MoeAlignFusedKernel(lib, d)
                    .launch(stream, b.dIds, b.dWeights, b.count, b.expertToTokens, b.expertToWeights, m);
            b.assertTables("moe_align_fused multi-block M=" + m);
        }
    }
}
