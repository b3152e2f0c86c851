package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.reference.Bf16Assertions.assertWithinUlps;
import static org.fusescope.kernels.reference.Bf16Assertions.randomBf16;

import java.util.Arrays;
import java.util.Random;
import org.fusescope.kernels.shape.AttentionDims;
import org.junit.jupiter.api.Test;

class KvAppendAndAttentionReferencesTest {
    private final Random random = new Random(23);

    @Test
    void kvAppendWritesEachRequestAtItsPositionOnly() {
        // rows 2, Hkv 1, D 2, maxContext 3; positions 0 and 2
        AttentionDims heads = LayerDims.heads(1, 1, 2);
        float[] empty = new float[2 * 3 * 2];
        KvAppendReference.Result r = KvAppendReference.apply(
                empty, empty, new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}, new int[] {0, 2}, 2, heads, 3);
        assertThat(r.kCache()).containsExactly(1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4);
        assertThat(r.vCache()).containsExactly(5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 7, 8);
        assertThat(empty).as("input untouched").containsOnly(0f);
        // positions outside [0, maxContext) write nothing
        KvAppendReference.Result none = KvAppendReference.apply(
                empty, empty, new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}, new int[] {3, -1}, 2, heads, 3);
        assertThat(none.kCache()).containsOnly(0f);
        assertThat(none.vCache()).containsOnly(0f);
    }

    @Test
    void attentionByHandOverTwoKeys() {
        // D = 4 (scale 1/2), q = [2,0,0,0], k0 = 0 -> s0 = 0, k1 = [1,0,0,0] -> s1 = 1;
        // p = [1/(1+e), e/(1+e)] = [0.268941, 0.731059]; v0 = e0, v1 = e1
        // -> out = [0.268941 -> 0.26953125, 0.731059 -> 0.73046875, 0, 0]; key 2 is past the position
        AttentionDims heads = LayerDims.heads(1, 1, 4);
        float[] k = {0, 0, 0, 0, 1, 0, 0, 0, 50, 50, 50, 50};
        float[] v = {1, 0, 0, 0, 0, 1, 0, 0, Float.NaN, 9, 9, 9};
        float[] out = DecodeAttentionReference.apply(new float[] {2, 0, 0, 0}, k, v, new int[] {1}, 1, heads, 3);
        assertThat(out).containsExactly(0.26953125f, 0.73046875f, 0f, 0f);
    }

    @Test
    void oneKeyGivesItsValueAndABadPositionGivesNaN() {
        AttentionDims heads = LayerDims.heads(2, 1, 8);
        float[] q = randomBf16(random, 2 * 16, 3);
        float[] k = randomBf16(random, 2 * 4 * 8, 3);
        float[] v = randomBf16(random, 2 * 4 * 8, 3);
        float[] out = DecodeAttentionReference.apply(q, k, v, new int[] {0, 4}, 2, heads, 4);
        for (int h = 0; h < 2; h++) {
            assertThat(Arrays.copyOfRange(out, h * 8, h * 8 + 8)).containsExactly(Arrays.copyOfRange(v, 0, 8));
        }
        assertThat(Arrays.copyOfRange(out, 16, 32)).containsOnly(Float.NaN);
    }

    @Test
    void queryHeadsReadTheirGroupsKvHead() {
        // Hq 4, Hkv 2: heads 0, 1 read kv head 0, heads 2, 3 kv head 1; one key, so out = that kv head's v
        AttentionDims heads = LayerDims.heads(4, 2, 8);
        float[] q = randomBf16(random, 4 * 8, 3);
        float[] k = randomBf16(random, 2 * 2 * 8, 3);
        float[] v = randomBf16(random, 2 * 2 * 8, 3);
        float[] out = DecodeAttentionReference.apply(q, k, v, new int[] {0}, 1, heads, 2);
        for (int h = 0; h < 4; h++) {
            int kvRow = (h / 2) * 2 * 8;
            assertThat(Arrays.copyOfRange(out, h * 8, h * 8 + 8))
                    .as("head %d", h)
                    .containsExactly(Arrays.copyOfRange(v, kvRow, kvRow + 8));
        }
    }

    @Test
    void combineByHand() {
        // 1 row, 1 head, D 1, 2 chunks: lse [0, 1] -> weights 1, 2 -> (3 + 2*6) / 3 = 5
        AttentionDims heads = LayerDims.heads(1, 1, 1);
        float[] out = DecodeAttentionCombineReference.apply(
                new float[] {3, 6}, new float[] {0, 1}, new int[] {5}, 1, heads, 8, 2, 4);
        assertThat(out).containsExactly(5f);
        // position 2: 3 keys, only chunk 0 holds keys -> its output, whatever chunk 1 holds
        assertThat(DecodeAttentionCombineReference.apply(
                        new float[] {3, Float.NaN}, new float[] {0, Float.NaN}, new int[] {2}, 1, heads, 8, 2, 4))
                .containsExactly(3f);
    }

    @Test
    void splitThenCombineEqualsTheSinglePass() {
        AttentionDims heads = LayerDims.heads(4, 2, 16);
        int rows = 3;
        int maxContext = 300;
        float[] q = randomBf16(random, rows * heads.queryWidth(), 2);
        float[] k = randomBf16(random, rows * 2 * maxContext * 16, 2);
        float[] v = randomBf16(random, rows * 2 * maxContext * 16, 2);
        int[] positions = {0, 150, 299};
        float[] single = DecodeAttentionReference.apply(q, k, v, positions, rows, heads, maxContext);
        // exact chunks; chunks past some requests' keys; a last chunk that also takes the keys past it
        int[][] splits = {{3, 100}, {8, 64}, {2, 32}, {1, 7}};
        for (int[] s : splits) {
            DecodeAttentionReference.Partials p =
                    DecodeAttentionReference.partials(q, k, v, positions, rows, heads, maxContext, s[0], s[1]);
            float[] combined = DecodeAttentionCombineReference.apply(
                    p.o(), p.lse(), positions, rows, heads, maxContext, s[0], s[1]);
            assertWithinUlps(combined, single, 1.0);
        }
    }

    @Test
    void partialsLeaveChunksWithoutKeysUnwritten() {
        AttentionDims heads = LayerDims.heads(1, 1, 8);
        float[] q = randomBf16(random, 8, 2);
        float[] k = randomBf16(random, 100 * 8, 2);
        float[] v = randomBf16(random, 100 * 8, 2);
        DecodeAttentionReference.Partials p =
                DecodeAttentionReference.partials(q, k, v, new int[] {40}, 1, heads, 100, 4, 32);
        // 41 keys: chunks 0 (32 keys) and 1 (9 keys) hold keys
        assertThat(p.lse()[0]).isFinite();
        assertThat(p.lse()[1]).isFinite();
        assertThat(p.lse()[2]).isNaN();
        assertThat(p.lse()[3]).isNaN();
    }
}
