package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.api.Test;

/** Without a GPU: grouped_gemm2_sum's slot limit and work. */
class GroupedGemm2SumShapeTest {
    @Test
    void takesAtMost64SlotsFourTokensOfQwen3NextWithTheSharedExpert() {
        ModelDims shared = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);
        assertThat(GroupedGemm2SumKernel.fits(shared, 4)).isTrue();
        assertThat(GroupedGemm2SumKernel.fits(shared, 5)).isTrue();
        assertThat(GroupedGemm2SumKernel.fits(shared, 6)).isFalse();
        assertThat(GroupedGemm2SumKernel.fits(ModelDims.TINY, 16)).isTrue();
        assertThatThrownBy(() -> GroupedGemm2SumKernel.checkSlots(shared, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64");
    }

    @Test
    void itsWorkIsGemm2sAndTheSumsWritesWithoutReadingH2Back() {
        ModelDims d = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);
        Work gemm = GroupedGemm2Kernel.work(d, 4, 44);
        Work sum = GroupedGemm2SumKernel.work(d, 4, 44);
        assertThat(sum.bytesRead()).isEqualTo(gemm.bytesRead());
        assertThat(sum.bytesWritten()).isEqualTo(gemm.bytesWritten() + 2L * 4 * 2048);
        assertThat(sum.flops()).isEqualTo(gemm.flops() + 44L * 2048);
    }
}
