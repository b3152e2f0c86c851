package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.kernels.cuda.Dim;
import org.junit.jupiter.api.Test;

/** Without a GPU: the block of moe_align_shared_counts_kernel follows the slots, 256 to 1024 threads. */
class MoeAlignSharedCountsShapeTest {
    @Test
    void oneThreadPerSlotBetween256And1024() {
        assertThat(MoeAlignFusedKernel.sharedCountsBlock(11)).isEqualTo(Dim.of(256));
        assertThat(MoeAlignFusedKernel.sharedCountsBlock(257)).isEqualTo(Dim.of(288));
        assertThat(MoeAlignFusedKernel.sharedCountsBlock(64 * 11)).isEqualTo(Dim.of(704));
        assertThat(MoeAlignFusedKernel.sharedCountsBlock(1024)).isEqualTo(Dim.of(1024));
        assertThat(MoeAlignFusedKernel.singleBlock(1024)).isTrue();
        assertThat(MoeAlignFusedKernel.singleBlock(1025)).isFalse();
    }
}
