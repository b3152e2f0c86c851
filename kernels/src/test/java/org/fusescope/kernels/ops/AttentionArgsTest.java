package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusescope.kernels.cuda.BufferShapes;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.shape.AttentionDims;
import org.junit.jupiter.api.Test;

/** Without a GPU: the attention kernels' split rule, layout limits, column checks and work formulas. */
class AttentionArgsTest {
    private static final AttentionDims Q = AttentionDims.QWEN3_NEXT;

    @Test
    void splitRuleFillsOneWaveWithChunksOfAtLeastMinChunkKeys() {
        // M = 1, Hkv = 2 on 132 SMs: floor(264 / 2) = 132 chunks wanted, 32768 / 132 = 249 -> 256 keys
        AttentionSplit s = AttentionSplit.choose(1, 2, 32768, 132);
        assertThat(s).isEqualTo(new AttentionSplit(128, 256));
        // M = 64: 128 CTAs already, floor(264 / 128) = 2 chunks of 16384
        assertThat(AttentionSplit.choose(64, 2, 32768, 132)).isEqualTo(new AttentionSplit(2, 16384));
        // M = 1, 4096 keys: chunks of the minimum 128 keys
        assertThat(AttentionSplit.choose(1, 2, 4096, 132)).isEqualTo(new AttentionSplit(32, 128));
        // short contexts and full batches: one pass
        assertThat(AttentionSplit.choose(3, 2, 7, 132).singlePass()).isTrue();
        assertThat(AttentionSplit.choose(1, 2, 128, 132).singlePass()).isTrue();
        assertThat(AttentionSplit.choose(256, 2, 32768, 132).singlePass()).isTrue();
    }

    @Test
    void everyChosenSplitCoversTheKeysAndStaysInOneWave() {
        for (int m : new int[] {1, 2, 3, 16, 64, 100, 257}) {
            for (int keys : new int[] {1, 7, 129, 1000, 4096, 4097, 32768}) {
                AttentionSplit s = AttentionSplit.choose(m, 2, keys, 132);
                if (s.singlePass()) {
                    continue;
                }
                assertThat((long) s.chunks() * s.chunkSize())
                        .as("m=%d keys=%d", m, keys)
                        .isGreaterThanOrEqualTo(keys);
                assertThat((long) (s.chunks() - 1) * s.chunkSize()).isLessThan(keys);
                assertThat(s.chunkSize()).isGreaterThanOrEqualTo(AttentionSplit.MIN_CHUNK);
                assertThat(s.chunkSize() % AttentionSplit.CHUNK_ALIGN).isZero();
                assertThat(2L * m * s.chunks()).isLessThanOrEqualTo(2L * 132);
            }
        }
    }

    @Test
    void chunksUsedCountsChunksThatHoldKeys() {
        AttentionSplit s = AttentionSplit.chunksOf(64, 300);
        assertThat(s).isEqualTo(new AttentionSplit(5, 64));
        assertThat(s.chunksUsed(1)).isEqualTo(1);
        assertThat(s.chunksUsed(65)).isEqualTo(2);
        assertThat(s.chunksUsed(300)).isEqualTo(5);
        assertThat(s.chunksUsed(10_000)).as("the last chunk takes the rest").isEqualTo(5);
        assertThat(AttentionSplit.SINGLE_PASS.chunksUsed(10_000)).isEqualTo(1);
        assertThatThrownBy(() -> new AttentionSplit(0, 4))
                .hasMessage("need chunks >= 1 and chunkSize >= 1, got chunks=0, chunkSize=4");
    }

    @Test
    void decodeAttentionSupportsThePresetsAndNamesWhatItCannotDo() {
        DecodeAttentionKernel.checkSupported(Q);
        DecodeAttentionKernel.checkSupported(AttentionDims.TINY);
        DecodeAttentionKernel.checkSupported(new AttentionDims(2048, 4, 1, 512, 64, 1e4));
        assertThatThrownBy(() -> DecodeAttentionKernel.checkSupported(new AttentionDims(2048, 16, 2, 384, 64, 1e4)))
                .hasMessage(
                        "decode_attention: head dim 384 unsupported; need D / 8 a power of two (8..256) or D = 512");
        assertThatThrownBy(() -> DecodeAttentionKernel.checkSupported(new AttentionDims(2048, 12, 4, 256, 64, 1e4)))
                .hasMessage("decode_attention: group size 3 (Hq 12 / Hkv 4) unsupported at head dim 256;"
                        + " need a power of two <= 8");
        assertThatThrownBy(() -> DecodeAttentionKernel.checkSupported(new AttentionDims(2048, 32, 2, 256, 64, 1e4)))
                .hasMessageStartingWith("decode_attention: group size 16");
    }

    @Test
    void columnSlicesAcceptTheFusedProjectionRowAndRejectMisfits() {
        // qkvo_gemm row [Hq·2D | Hkv·D | Hkv·D] = [8192 | 512 | 512]
        long[] fused = {3, 9216};
        String name = BufferShapes.describe("qkv", DType.BF16, fused);
        ColumnSlice.check("qProj", DType.BF16, fused, name, 0, 3, 8192);
        ColumnSlice.check("k", DType.BF16, fused, name, 8192, 3, 512);
        ColumnSlice.check("v", DType.BF16, fused, name, 8704, 3, 512);
        assertThatThrownBy(() -> ColumnSlice.check("v", DType.BF16, fused, name, 8708, 3, 512))
                .hasMessage("v: expected a bf16 [3, stride] buffer with columns [8708, 9220) inside the stride,"
                        + " stride and offset multiples of 8 but was buffer 'qkv' BF16 [3, 9216] at offset 8708");
        assertThatThrownBy(() -> ColumnSlice.check("v", DType.BF16, fused, name, 8712, 3, 512))
                .hasMessageStartingWith("v: expected a bf16 [3, stride] buffer with columns [8712, 9224)");
        assertThatThrownBy(() -> ColumnSlice.check("k", DType.BF16, fused, name, 8192, 4, 512))
                .hasMessageStartingWith("k: expected a bf16 [4, stride]");
        assertThatThrownBy(() -> ColumnSlice.check("k", DType.F32, fused, name, 8192, 3, 512))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workCountsEachTensorOnce() {
        // one row at Qwen3-Next sizes: 18 heads of 256
        Work norm = QkRmsNormKernel.work(Q, 1);
        assertThat(norm.bytesRead()).isEqualTo((18 * 256 + 2 * 256) * 2L);
        assertThat(norm.bytesWritten()).isEqualTo(18 * 256 * 2L);
        assertThat(RotaryPartialKernel.work(Q, 2).bytesWritten()).isEqualTo(2L * 18 * 64 * 2);
        assertThat(KvAppendKernel.work(Q, 3).bytesWritten()).isEqualTo(3L * 2 * 2 * 256 * 2);
        Work single = DecodeAttentionKernel.work(Q, 1, 4096, AttentionSplit.SINGLE_PASS);
        assertThat(single.bytesRead()).isEqualTo(16 * 256 * 2 + 4 + 2L * 2 * 4096 * 256 * 2);
        assertThat(single.bytesWritten()).isEqualTo(16 * 256 * 2);
        assertThat(single.flops()).isEqualTo(16L * 4096 * (4 * 256 + 3));
        AttentionSplit split = new AttentionSplit(32, 128);
        assertThat(DecodeAttentionKernel.work(Q, 1, 4096, split).bytesWritten()).isEqualTo(16L * 32 * 257 * 4);
        assertThat(DecodeAttentionKernel.work(Q, 1, 200, split).bytesWritten())
                .as("only chunks that hold keys are written")
                .isEqualTo(16L * 2 * 257 * 4);
        assertThat(DecodeAttentionCombineKernel.work(Q, 1, 4096, split).bytesRead())
                .isEqualTo(16L * 32 * 257 * 4 + 4);
        assertThat(AttnGateSigmoidMulKernel.work(Q, 1).bytes()).isEqualTo(3L * 16 * 256 * 2);
        assertThat(AttnGateSigmoidKernel.work(Q, 1).bytes()).isEqualTo(2L * 16 * 256 * 2);
    }
}
