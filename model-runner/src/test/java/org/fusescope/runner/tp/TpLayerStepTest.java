package org.fusescope.runner.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.reference.RowErrors;
import org.fusescope.runner.model.AttentionWeights;
import org.fusescope.runner.model.LinearAttentionWeights;
import org.fusescope.runner.verify.BlockReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TpLayerStepTest {
    static Stream<Arguments> correctRuns() {
        return Stream.of(2, 4).flatMap(ranks -> Stream.of(0, 3)
                .flatMap(layer -> Stream.of(TpReduction.ALL_REDUCE, TpReduction.REDUCE_SCATTER_ALL_GATHER)
                        .map(reduction -> Arguments.of(ranks, layer, reduction))));
    }

    @ParameterizedTest(name = "TP {0}, layer {1}, {2}")
    @MethodSource("correctRuns")
    void correctReductionsEqualTheOneRankStep(int ranks, int layer, TpReduction reduction) {
        TpFixture f = TpFixture.fresh(layer, 8);
        TpLayerStep.Output tp =
                new TpLayerStep(new TpPlan(f.config(), ranks), f.mixer(), f.moe()).run(f.input(), reduction);
        TpLayerStep.Output one = oneRank(f);
        int h = f.config().hidden();
        for (float[][] pair :
                new float[][][] {{tp.residual(), one.residual()}, {tp.y(), one.y()}, {tp.out(), one.out()}}) {
            assertWithin(pair[0], pair[1], h, TpVerifier.TOLERANCE, f);
        }
        TpVerifier.Result verified =
                TpVerifier.verify(new TpPlan(f.config(), ranks), f.mixer(), f.moe(), f.input(), reduction);
        assertThat(verified.problems()).as(f.toString()).isEmpty();
        assertThat(verified.checks()).hasSize(2).allMatch(c -> c.passed() && c.layer() == layer);
    }

    @Test
    void theOneRankResidualIsTheInputPlusTheOutputProjectionOfTheHeads() {
        for (int layer : new int[] {0, 3}) {
            TpFixture f = TpFixture.fresh(layer, 5);
            short[] w = f.mixer() instanceof AttentionWeights a
                    ? a.oProj()
                    : ((LinearAttentionWeights) f.mixer()).outProj();
            int h = f.config().hidden();
            int width = w.length / h;
            float[] expected = new float[5 * h];
            for (int t = 0; t < 5; t++) {
                for (int c = 0; c < h; c++) {
                    double s = f.input().residual()[t * h + c];
                    for (int i = 0; i < width; i++) {
                        s += (double) f.input().heads()[t * width + i] * Bf16.toFloat(w[c * width + i]);
                    }
                    expected[t * h + c] = (float) s;
                }
            }
            assertWithin(oneRank(f).residual(), expected, h, RowErrors.FP32, f);
        }
    }

    @Test
    void theOneRankMoeBlockAgreesWithBlockReference() {
        TpFixture f = TpFixture.fresh(3, 6);
        int h = f.config().hidden();
        int tokens = f.input().tokens();
        float[] y = oneRank(f).y();
        for (int i = 0; i < y.length; i++) {
            y[i] = Bf16.round(y[i]); // BlockReference takes bf16 values; the same y for both keeps their routing equal
        }
        float[] mine = new MoeShard(f.moe(), new TpPlan(f.config(), 1), 0).partial(y, tokens);
        float[] logits = BlockReference.logits(f.moe(), y, tokens);
        BlockReference.Front front = new BlockReference.Front(
                new float[tokens * h], y, logits, BlockReference.gate(f.moe(), y, tokens), tokens);
        BlockReference.Routing routing = BlockReference.route(
                logits,
                tokens,
                f.config().experts(),
                f.config().topK(),
                f.config().normTopkProb());
        float[] reference = BlockReference.experts(f.moe(), front, routing);
        assertWithin(mine, reference, h, RowErrors.BF16, f);
    }

    @Test
    void sequenceParallelNeedsTheTokensToSplitEvenly() {
        TpFixture f = TpFixture.fresh(0, 6);
        TpLayerStep step = new TpLayerStep(new TpPlan(f.config(), 4), f.mixer(), f.moe());
        assertThatThrownBy(() -> step.run(f.input(), TpReduction.REDUCE_SCATTER_ALL_GATHER))
                .hasMessageContaining("(6 tokens) to be a multiple of the tensor-parallel size (4)");
    }

    private static void assertWithin(float[] out, float[] ref, int h, double bound, TpFixture f) {
        RowErrors e = RowErrors.of(out, ref, h);
        assertThat(e.within(bound)).as(f + ": " + e.describe(bound)).isTrue();
    }

    private static TpLayerStep.Output oneRank(TpFixture f) {
        return new TpLayerStep(new TpPlan(f.config(), 1), f.mixer(), f.moe()).run(f.input(), TpReduction.ALL_REDUCE);
    }
}
