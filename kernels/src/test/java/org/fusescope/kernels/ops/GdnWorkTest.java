package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;

/** Without a GPU: the gated-delta-net kernels' work formulas, launch arithmetic and size checks. */
class GdnWorkTest {
    private static final LinearAttentionDims Q = LinearAttentionDims.QWEN3_NEXT;

    @Test
    void theRecurrentStateIsReadAndWrittenOnce() {
        // 32 heads x 128 x 128 fp32 = 2 MiB per request
        assertThat(GatedDeltaRuleKernel.stateBytes(Q, 1)).isEqualTo(2L << 20);
        assertThat(GatedDeltaRuleKernel.stateBytes(Q, 256)).isEqualTo(512L << 20);
        Work w = GatedDeltaRuleKernel.work(Q, 1);
        // + q, k (2 x 2048 bf16) + v (4096 bf16) + a, b (2 x 32 bf16) + A_log, dt_bias (2 x 32 fp32)
        assertThat(w.bytesRead()).isEqualTo((2L << 20) + 8192 + 8192 + 128 + 256);
        // + o (4096 bf16)
        assertThat(w.bytesWritten()).isEqualTo((2L << 20) + 8192);
        assertThat(w.flops()).isEqualTo(32L * (7 * 128 * 128 + 6 * 128 + 3 * 128));
        assertThat(GatedDeltaRuleKernel.work(Q, 64).bytes()).isEqualTo(64 * w.bytes() - 63L * 256);
    }

    @Test
    void theTileSplitCoversEveryValueColumn() {
        assertThat(GatedDeltaRuleKernel.warpsPerBlock(Q)).isEqualTo(2);
        assertThat(GatedDeltaRuleKernel.blocksPerHead(Q)).isEqualTo(4); // 4 x 2 warps x 16 columns = 128
        LinearAttentionDims tiny = LinearAttentionDims.TINY;
        assertThat(GatedDeltaRuleKernel.warpsPerBlock(tiny) * GatedDeltaRuleKernel.blocksPerHead(tiny) * 16)
                .isEqualTo(tiny.valueDim());
        LinearAttentionDims oddTiles = new LinearAttentionDims(256, 2, 4, 32, 48, 4);
        assertThat(GatedDeltaRuleKernel.warpsPerBlock(oddTiles)).isEqualTo(1);
        assertThat(GatedDeltaRuleKernel.blocksPerHead(oddTiles)).isEqualTo(3);
    }

    @Test
    void theFusionSavesTheConvOutputRoundTrip() {
        for (int m : new int[] {1, 3, 64}) {
            Work conv = CausalConv1dUpdateKernel.work(Q, m, false);
            Work split = GdnSplitKernel.work(Q, m);
            Work pack = ConvPackGdnKernel.work(Q, m, false);
            // y [m, 8192] bf16 is written by the conv and read back by the split
            assertThat(conv.bytes() + split.bytes() - pack.bytes()).isEqualTo(2 * 2L * m * Q.convDim());
            assertThat(pack.flops()).isEqualTo(conv.flops());
        }
        Work conv = CausalConv1dUpdateKernel.work(Q, 1, false);
        // x 8192 bf16 + weights 8192 x 4 bf16 + state 8192 x 3 bf16; y + state written
        assertThat(conv.bytesRead()).isEqualTo(16384 + 65536 + 49152);
        assertThat(conv.bytesWritten()).isEqualTo(16384 + 49152);
        assertThat(CausalConv1dUpdateKernel.work(Q, 1, true).bytesRead()).isEqualTo(conv.bytesRead() + 16384);
        assertThat(GatedRmsNormKernel.work(Q, 2).bytes()).isEqualTo(2L * (3 * 2 * 4096 + 128));
    }

    @Test
    void rowItemsAndBlocks() {
        // 1024 q|k|v chunks + 512 z chunks + 64 b|a scalars, 13 blocks of 128 per token
        assertThat(GdnShapes.rowItems(Q)).isEqualTo(1600);
        assertThat(GdnShapes.rowBlocks(3, GdnShapes.rowItems(Q))).isEqualTo(39);
        assertThat(GdnShapes.rowBlocks(1, Q.convDim() / 8)).isEqualTo(8);
    }

    @Test
    void unsupportedSizesAreRefusedBeforeCompiling() {
        LinearAttentionDims sixHeads = new LinearAttentionDims(256, 2, 6, 32, 32, 4);
        assertThatThrownBy(() -> new ConvPackGdnKernel(null, sixHeads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the gated-delta-net conv kernels need value heads % 4 == 0");
        LinearAttentionDims dv24 = new LinearAttentionDims(256, 2, 4, 32, 24, 4);
        assertThatThrownBy(() -> new GatedDeltaRuleKernel(null, dv24))
                .hasMessageStartingWith("gated_delta_rule needs the value dim to be a multiple of 16");
    }
}
