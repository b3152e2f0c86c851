package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.api.Test;

/** Without a GPU: the launch shapes of the two topk_softmax_shared kernels. */
class SharedRowLayoutTest {
    @Test
    void warpPerRowPacksFourRowsIntoA128ThreadBlock() {
        SharedRowLayout warp = SharedRowLayout.WARP_PER_ROW;
        assertThat(warp.grid(1)).isEqualTo(Dim.of(1));
        assertThat(warp.grid(5)).isEqualTo(Dim.of(2));
        assertThat(warp.block(ModelDims.QWEN3_NEXT)).isEqualTo(Dim.of(128));
        assertThat(warp.entry()).isEqualTo("topk_softmax_shared_kernel");
    }

    @Test
    void blockPerRowGivesEveryExpertAThread() {
        SharedRowLayout wide = SharedRowLayout.BLOCK_PER_ROW;
        assertThat(wide.grid(5)).isEqualTo(Dim.of(5));
        assertThat(wide.block(ModelDims.QWEN3_NEXT)).isEqualTo(Dim.of(512));
        assertThat(wide.block(ModelDims.QWEN35)).isEqualTo(Dim.of(256));
        assertThat(wide.block(ModelDims.TINY)).isEqualTo(Dim.of(32));
        assertThat(wide.block(new ModelDims(256, 1000, 8, 64, false))).isEqualTo(Dim.of(1024));
        assertThat(wide.source() + ".cu / " + wide.entry())
                .isEqualTo("topk_softmax_wide.cu / topk_softmax_shared_wide_kernel");
    }

    @Test
    void blockPerRowRefusesMoreExpertsThanOneBlockHasThreads() {
        assertThatThrownBy(() -> SharedRowLayout.BLOCK_PER_ROW.block(new ModelDims(256, 1025, 8, 64, false)))
                .hasMessage("topk_softmax_shared_wide takes at most 1024 experts, not 1025");
    }
}
