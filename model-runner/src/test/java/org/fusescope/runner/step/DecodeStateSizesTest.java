package org.fusescope.runner.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusescope.profiler.ops.Fusion;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.junit.jupiter.api.Test;

class DecodeStateSizesTest {
    private static final ModelConfig NEXT = ModelConfig.preset("qwen3-next-80b-a3b");
    private static final long MIB = 1L << 20;

    @Test
    void perRequestSizesOfQwen3Next() {
        DecodeStateSizes s = new DecodeStateSizes(NEXT, 48, 1, DecodeContext.of(4095));
        // conv: (2·16·128 + 32·128) channels × 3 columns × 2 bytes
        assertThat(s.convStateBytesPerLayer()).isEqualTo(8192L * 3 * 2);
        // recurrent: 32 value heads × 128 × 128 fp32 = 2 MiB
        assertThat(s.recurrentStateBytesPerLayer()).isEqualTo(2 * MIB);
        // KV cache: k and v × 2 heads × 256 × 2 bytes × 4096 tokens = 8 MiB
        assertThat(s.kvCacheBytesPerLayer()).isEqualTo(8 * MIB);
        assertThat(s.linearAttentionLayers()).isEqualTo(36);
        assertThat(s.attentionLayers()).isEqualTo(12);
        assertThat(s.totalBytes()).isEqualTo(36 * (8192L * 3 * 2 + 2 * MIB) + 12 * 8 * MIB);
    }

    @Test
    void totalsScaleWithBatchLayersAndContext() {
        DecodeStateSizes one = new DecodeStateSizes(NEXT, 4, 1, DecodeContext.of(1023));
        DecodeStateSizes batch = new DecodeStateSizes(NEXT, 4, 64, DecodeContext.of(1023));
        assertThat(batch.totalBytes()).isEqualTo(64 * one.totalBytes());
        assertThat(one.attentionLayers()).isEqualTo(1);
        assertThat(one.convStateBytes()).isEqualTo(3 * one.convStateBytesPerLayer());
        assertThat(new DecodeStateSizes(NEXT, 3, 1, DecodeContext.of(1023)).kvCacheBytes())
                .isZero();
        DecodeStateSizes longer = new DecodeStateSizes(NEXT, 4, 1, DecodeContext.of(2047));
        assertThat(longer.kvCacheBytes()).isEqualTo(2 * one.kvCacheBytes());
        assertThat(longer.recurrentStateBytes()).isEqualTo(one.recurrentStateBytes());
        StepSpec spec = new StepSpec(
                NEXT, Fusion.parseVariant("fused"), 64, 4, RoutingScenario.parse("uniform"), 0, DecodeContext.of(1023));
        assertThat(DecodeStateSizes.of(spec)).isEqualTo(batch);
    }

    @Test
    void requireFitsSaysWhatDoesNotFitAndWhatToLower() {
        DecodeStateSizes s = new DecodeStateSizes(NEXT, 48, 256, DecodeContext.of(32767));
        s.requireFits(s.totalBytes());
        assertThatThrownBy(() -> s.requireFits(s.totalBytes() - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("48 layers (36 linear attention, 12 attention) for batch 256 at context 32767")
                .hasMessageContaining("KV cache 192.00 GiB")
                .hasMessageContaining("recurrent state 18.00 GiB")
                .hasMessageContaining("lower --batch, --context or --layers");
        DecodeStateSizes huge =
                new DecodeStateSizes(NEXT, 48, Integer.MAX_VALUE, DecodeContext.of(Integer.MAX_VALUE - 1));
        assertThatThrownBy(() -> huge.requireFits(80L << 30)).hasMessageContaining("needs more than 8 EiB");
    }

    @Test
    void sizesReadWell() {
        assertThat(DecodeStateSizes.size(512)).isEqualTo("512 B");
        assertThat(DecodeStateSizes.size(3 * MIB / 2)).isEqualTo("1.5 MiB");
        assertThat(DecodeStateSizes.size(5L << 30)).isEqualTo("5.00 GiB");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> new DecodeStateSizes(NEXT, 49, 1, DecodeContext.of(1)))
                .hasMessageContaining("layers must be in 1..48");
        assertThatThrownBy(() -> new DecodeStateSizes(NEXT, 4, 0, DecodeContext.of(1)))
                .hasMessageContaining("batch must be at least 1");
        assertThatThrownBy(() -> DecodeContext.of(-1)).hasMessageContaining("context must be in 0..");
        assertThatThrownBy(() -> new DecodeContext(2, 4))
                .hasMessageContaining("decode attention splits must be in 1..3");
        assertThat(new DecodeContext(0, 1).attendedTokens()).isEqualTo(1);
    }
}
